import Synchronization

/// Which test case each execution runs under, for a server where every StartExecution may name its own
/// (`stateMachineArn#TestCaseName`).
package final class TestCaseRegistry: Sendable {
    package let config: MockConfig
    private let bindings = Mutex<[String: String]>([:])

    package init(config: MockConfig) { self.config = config }

    /// Runs `executionArn` under `testCase` of `machine`. - Throws: when the file has no such test case.
    package func bind(executionArn: String, machine: String, testCase: String) throws(ConfigFileError) {
        _ = try config.testCase(testCase, machine: machine)
        bindings.withLock { $0[executionArn] = testCase }
    }

    /// Forgets a binding (a start that failed).
    package func unbind(executionArn: String) { _ = bindings.withLock { $0.removeValue(forKey: executionArn) } }

    /// The test case an execution runs under, if any.
    package func testCase(for executionArn: String, machine: String) -> MockTestCase? {
        guard let name = bindings.withLock({ $0[executionArn] }) else { return nil }
        return config.testCases[machine]?[name]
    }
}
