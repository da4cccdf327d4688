import Stepwise

extension LocalIntegrations {
    /// How `stepwise serve` explains a Task that nothing can run: the ways a server's user has to provide it — a
    /// test case that mocks the state (named, when the mock config file has some), a resources-file entry, or an
    /// integration that runs locally. (`--mock-config` and `runtime.register` are not theirs to use.)
    static func serverAdvice(_ config: MockConfig?) -> @Sendable (TaskReference) -> String {
        { task in
            let mocking = config?.testCases[task.stateMachineName]?.filter { $0.value.states[task.stateName] != nil }.keys.sorted() ?? []
            let mock =
                mocking.isEmpty
                ? "mock the state in a test case of a mock config file (SFN_MOCK_CONFIG=FILE) and start the execution with "
                    + "stateMachineArn#TestCaseName"
                : "start the execution with a test case that mocks the state ("
                    + mocking.map { "stateMachineArn#\($0)" }.joined(separator: " or ") + ")"
            return "\(mock), map the resource in a resources file (stepwise serve --resources FILE), or use an integration that runs "
                + "locally (the HTTP Task, activities, callbacks, nested executions and the local AWS services; docs/integrations.md)."
        }
    }
}
