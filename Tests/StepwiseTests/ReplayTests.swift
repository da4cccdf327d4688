import Foundation
import Stepwise
import Synchronization
import Testing

/// Collects an execution's steps in memory, as a durable store would persist them.
final class MemoryJournal: ExecutionJournal {
    let steps = Mutex<[LoggedStep]>([])
    let events = Mutex<[HistoryEvent]>([])
    let info = Mutex<ExecutionInfo?>(nil)

    func record(execution: ExecutionInfo, step: RecordedStep) {
        info.withLock { $0 = execution }
        steps.withLock { $0.append(LoggedStep(time: step.time, input: StepInput(json: step.input.json)!)) }
        events.withLock { $0.append(contentsOf: step.events) }
    }

    func finished(execution: ExecutionInfo, result: ExecutionResult) {}
}

@Suite("Replay of logged steps", .timeLimit(.minutes(3)))
struct ReplayTests {
    static let definition = """
        {"StartAt": "Id", "States": {
          "Id": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()", "items.$": "$.items"}, "Next": "Work"},
          "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultPath": "$.work", "Next": "Pause",
            "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "JitterStrategy": "FULL", "MaxAttempts": 5}]},
          "Pause": {"Type": "Wait", "Seconds": 100, "Next": "Fan"},
          "Fan": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Echo", "States": {
            "Echo": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}, "ResultPath": "$.fan", "End": true}}}
        """

    /// A handler that fails its first two calls for the Work state, then echoes.
    static func runtime() -> Runtime {
        let runtime = Runtime(clock: .virtual)
        let calls = Mutex(0)
        runtime.register("arn:aws:states:::lambda:invoke") { input, context in
            guard context.stateName == "Work" else { return input }
            let call = calls.withLock { count in
                count += 1
                return count
            }
            if call <= 2 { throw StatesError("Flaky", "call \(call)") }
            return input
        }
        return runtime
    }

    @Test("Resuming from any prefix of the log ends with the uninterrupted run's output and event ids")
    func resumeFromEveryPrefix() async throws {
        let machine = try StateMachine(text: Self.definition, name: "replay")
        let journal = MemoryJournal()
        let original = try await Self.runtime().start(machine, input: ["items": [1, 2]], journal: journal)
        let expected = await original.result
        let expectedHistory = await original.history
        let steps = journal.steps.withLock { $0 }
        let info = try #require(journal.info.withLock { $0 })
        #expect(expected.status == .succeeded)
        for cut in 1...steps.count {
            // The handler's failure counter restarts too: a re-dispatched task may fail again, as on AWS.
            let resumed = await Self.runtime().resume(machine, info: info, steps: Array(steps.prefix(cut)))
            let result = await resumed.result
            let history = await resumed.history
            #expect(result.status == .succeeded)
            #expect(result.output?["id"] == expected.output?["id"])
            #expect(result.output?["fan"] == [1, 2])
            #expect(history.map(\.id) == Array(1...history.count))
            #expect(Array(history.prefix(cut).map(\.type)) == Array(expectedHistory.prefix(cut).map(\.type)))
        }
    }
}

@Test("An execution with no logged step yet starts when resumed")
func resumeBeforeFirstStep() async throws {
    let machine = try StateMachine(text: #"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "End": true}}}"#)
    let runtime = Runtime(clock: .virtual)
    let info = try runtime.prepare(machine, input: [:], name: "early")
    let execution = await runtime.resume(machine, info: info, steps: [])
    #expect(await execution.result.output == 1)
}
