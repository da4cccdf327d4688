import JSON
import Stepwise

/// Answers the Task states a mock config test case mocks (tier `.mock`).
///
/// With fixed test cases (`stepwise run --test-case`, or the library), the states of the chosen test case are
/// mocked and every other Task is left to the next tiers. With a ``TestCaseRegistry`` (`stepwise serve`), each
/// execution runs under the test case it was started with: the resolver answers every state that some test case
/// of the machine mocks, and an execution whose test case does not mock it runs it with `fallback`.
public struct MockResolver: TaskResolver {
    enum Selection: Sendable {
        case fixed([String: MockTestCase])
        case perExecution(TestCaseRegistry, fallback: [any TaskResolver])
    }

    let selection: Selection
    let counters = MockCounters()

    /// Mocks the states of `testCase` for executions of its state machine.
    public init(testCase: MockTestCase) {
        selection = .fixed([testCase.machine: testCase])
    }

    /// Mocks per execution, as bound in `registry`; states an execution's test case does not mock run with the
    /// first of `fallback` that has a handler.
    public init(registry: TestCaseRegistry, fallback: [any TaskResolver]) {
        selection = .perExecution(registry, fallback: fallback)
    }

    public func handler(for task: TaskReference) -> TaskHandler? { handler(for: task, next: { nil }) }

    public func handler(for task: TaskReference, next: @escaping @Sendable () -> TaskHandler?) -> TaskHandler? {
        switch selection {
        case .fixed(let cases):
            guard let testCase = cases[task.stateMachineName], let response = testCase.states[task.stateName] else { return nil }
            return mocked(response, task, testCase: testCase.name, next: next)
        case .perExecution(let registry, let fallback):
            let cases = registry.config.testCases[task.stateMachineName]?.values
            guard cases?.contains(where: { $0.states[task.stateName] != nil }) == true else { return nil }
            return perExecution(task, registry, fallback.lazy.compactMap { $0.handler(for: task) }.first, next: next)
        }
    }

    /// A handler that picks the execution's test case when it runs.
    func perExecution(
        _ task: TaskReference, _ registry: TestCaseRegistry, _ fallback: TaskHandler?, next: @escaping @Sendable () -> TaskHandler?
    ) -> TaskHandler {
        { input, context in
            if let testCase = registry.testCase(for: context.executionArn, machine: task.stateMachineName),
                let response = testCase.states[task.stateName] {
                return try await mocked(response, task, testCase: testCase.name, next: next)(input, context)
            }
            guard let fallback else {
                throw StatesError(StatesError.Name.taskFailed, "Nothing can run the Task resource '\(task.resource)' of state '\(task.stateName)' "
                    + "outside the test cases that mock it: map the resource in a resources file (--resources).")
            }
            return try await fallback(input, context)
        }
    }
}
