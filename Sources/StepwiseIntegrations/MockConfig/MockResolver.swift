import JSON
import Stepwise

/// Answers the Task states a mock config test case mocks (tier `.mock`).
///
/// With fixed test cases (`stepwise run --test-case`, or the library), the states of the chosen test case are
/// mocked and every other Task is left to the next tiers. With a ``TestCaseRegistry`` (`stepwise serve`), each
/// execution runs under the test case it was started with: a Task resolved for an execution is mocked when that
/// execution's test case mocks its state, and left to the next tiers otherwise — so a state nothing else runs is
/// reported when the execution starts, like any other Task nothing can run.
public struct MockResolver: TaskResolver {
    enum Selection: Sendable {
        case fixed([String: MockTestCase])
        case perExecution(TestCaseRegistry)
    }

    let selection: Selection
    let counters = MockCounters()

    /// Mocks the states of `testCase` for executions of its state machine.
    public init(testCase: MockTestCase) {
        selection = .fixed([testCase.machine: testCase])
    }

    /// Mocks per execution, as bound in `registry` (before the execution starts).
    package init(registry: TestCaseRegistry) {
        selection = .perExecution(registry)
    }

    public func handler(for task: TaskReference) -> TaskHandler? { handler(for: task, next: { nil }) }

    /// The mocked handler of `task`; `next` is what the following tiers would run it with, for a PassThrough
    /// response.
    public func handler(for task: TaskReference, next: @escaping @Sendable () -> TaskHandler?) -> TaskHandler? {
        let testCase: MockTestCase?
        switch selection {
        case .fixed(let cases): testCase = cases[task.stateMachineName]
        case .perExecution(let registry): testCase = task.executionArn.flatMap { registry.testCase(for: $0, machine: task.stateMachineName) }
        }
        guard let testCase, let response = testCase.states[task.stateName] else { return nil }
        return mocked(response, task, testCase: testCase.name, next: next)
    }
}
