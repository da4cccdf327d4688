import JSON
import Stepwise

extension MockResolver {
    /// The handler of a mocked state: each invocation takes the next invocation number and answers its
    /// Return or Throw, or hands a PassThrough invocation to `next` (what would run the state unmocked); an
    /// invocation the file has no response for fails the execution (`States.Runtime`).
    func mocked(
        _ response: MockedResponse, _ task: TaskReference, testCase: String, next: @escaping @Sendable () -> TaskHandler? = { nil }
    ) -> TaskHandler {
        let counters = self.counters
        let isActivity = ResourceName(task.resource) == .activity
        return { input, context in
            let number = counters.next(execution: context.executionArn, state: task.stateName)
            guard let outcome = response.outcome(forInvocation: number) else {
                throw StatesError(StatesError.Name.runtime, Self.exhausted(response, task, testCase: testCase, invocation: number))
            }
            if isActivity, outcome != .passThrough { await context.activityStarted(worker: "stepwise-mock") }
            switch outcome {
            case .return(let value): return value
            case .throw(let error, let cause): throw StatesError(error, cause)
            case .passThrough:
                guard let handler = next() else {
                    throw StatesError(
                        StatesError.Name.runtime,
                        "Invocation \(number) of state '\(task.stateName)' passes through the mock "
                            + "(test case '\(testCase)'), but nothing else can run the Task resource '\(task.resource)'.")
                }
                return try await handler(input, context)
            }
        }
    }

    /// Why an invocation has no mocked response.
    static func exhausted(_ response: MockedResponse, _ task: TaskReference, testCase: String, invocation: Int) -> String {
        let covered = response.entries.isEmpty ? "none" : response.coveredInvocations
        return "The mocked response '\(response.name)' of state '\(task.stateName)' (test case '\(testCase)') has no response "
            + "for invocation \(invocation) (it covers invocations: \(covered)). Every invocation of a mocked state, retries "
            + "included, needs a response."
    }
}
