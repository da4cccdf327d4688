import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

/// Keeps every step and what it changed in Map Runs, as a durable journal would.
final class MapRunJournal: ExecutionJournal {
    let steps = Mutex<[LoggedStep]>([])
    let changes = Mutex<[MapRunChanges]>([])
    let info = Mutex<ExecutionInfo?>(nil)

    func record(execution: ExecutionInfo, step: RecordedStep) {
        info.withLock { $0 = execution }
        steps.withLock { $0.append(LoggedStep(time: step.time, input: StepInput(json: step.input.json)!)) }
        changes.withLock { $0.append(step.mapRuns) }
    }

    func finished(execution: ExecutionInfo, result: ExecutionResult) {}

    /// The latest state of every recorded child, by ARN.
    var children: [String: MapChildExecution] {
        changes.withLock { all in Dictionary(all.flatMap(\.children).map { ($0.arn, $0) }, uniquingKeysWith: { _, last in last }) }
    }

    /// Each child's events in order: `Type` with `id/previousEventId`.
    func trace(_ arn: String) -> [String] {
        changes.withLock { all in
            all.flatMap(\.childEvents).filter { $0.executionArn == arn }.map {
                "\($0.event.type.rawValue) \($0.event.id)/\($0.event.previousEventId)"
            }
        }
    }
}

/// Lets handlers start and holds them until released; counts the starts.
actor Gate {
    private(set) var started = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var open = false

    func enter() async {
        started += 1
        guard !open else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        open = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    /// Waits (polling, never blocking a thread) until `count` handlers started; false after 30 s (alone it takes
    /// milliseconds; beside the whole suite's executions on the evaluation threads, seconds).
    nonisolated func reach(_ count: Int) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while await started < count {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}

@Suite("Map Runs and their child executions", .timeLimit(.minutes(2)))
struct MapRunTests {
    static func definition(
        _ extra: String, type: String = "STANDARD", processor: String = #""Echo": {"Type": "Pass", "End": true}"#,
        start: String = "Echo"
    ) -> String {
        """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Label": "Batches"\(extra),
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "\(type)"}, "StartAt": "\(start)",
            "States": {\(processor)}}}}}
        """
    }

    static let checked = """
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.Items[0]", "NumericGreaterThan": 5, "Next": "Bad"}], "Default": "Good"},
        "Good": {"Type": "Pass", "End": true}, "Bad": {"Type": "Fail", "Error": "Batch.Bad", "Cause": "too big"}
        """

    static func run(_ definition: String, items: JSON) async throws -> (Execution, MapRunJournal) {
        let journal = MapRunJournal()
        let machine = try StateMachine(text: definition, name: "Test")
        let execution = try await Runtime(clock: .virtual).start(machine, input: ["items": items], name: "run", journal: journal)
        _ = await execution.result
        return (execution, journal)
    }

    @Test("A Map Run counts its items and children by outcome and ends SUCCEEDED with its settings")
    func counts() async throws {
        let (execution, _) = try await Self.run(
            Self.definition(
                #", "MaxConcurrency": 2, "ToleratedFailureCount": 1, "ItemBatcher": {"MaxItemsPerBatch": 3}"#,
                processor: Self.checked, start: "Check"),
            items: [1, 2, 3, 4, 5, 6, 7])
        let run = try #require(await execution.mapRuns.first)
        #expect(run.status == .succeeded)
        #expect(run.arn.hasPrefix("arn:aws:states:us-east-1:123456789012:mapRun:Test/Batches:"))
        #expect(run.executionArn == "arn:aws:states:us-east-1:123456789012:execution:Test:run")
        #expect(run.stateMachineArn == "arn:aws:states:us-east-1:123456789012:stateMachine:Test/Batches")
        #expect((run.maxConcurrency, run.toleratedFailureCount, run.toleratedFailurePercentage) == (2, 1, 0))
        var executions = MapRunRecord.Counts()
        (executions.total, executions.succeeded, executions.failed) = (3, 2, 1)
        var items = MapRunRecord.Counts()
        (items.total, items.succeeded, items.failed) = (7, 6, 1)
        #expect(run.executionCounts == executions)
        #expect(run.itemCounts == items)
        #expect(run.stopDate != nil)
    }

    @Test("STANDARD children are executions with their own histories, linked to the Map Run")
    func childHistories() async throws {
        let (execution, journal) = try await Self.run(
            Self.definition(
                #", "ToleratedFailureCount": 1"#, processor: Self.checked.replacingOccurrences(of: "$.Items[0]", with: "$"),
                start: "Check"),
            items: [1, 9])
        let run = try #require(await execution.mapRuns.first)
        let children = journal.children.values.sorted { $0.name < $1.name }
        #expect(children.count == 2)
        let runId = String(run.arn.split(separator: ":").last ?? "")
        #expect(children.map(\.name) == [String(runId.prefix(24)) + "000000000001", String(runId.prefix(24)) + "000000000002"])
        #expect(children.map(\.arn) == children.map { "arn:aws:states:us-east-1:123456789012:execution:Test/Batches:\($0.name)" })
        #expect(children.map(\.status) == [.succeeded, .failed])
        #expect(children.map(\.mapRunArn) == [run.arn, run.arn])
        #expect(children.map(\.parentArn) == [execution.arn, execution.arn])
        #expect(children.map(\.input) == [1, 9])
        #expect(children[0].output == 1)
        #expect((children[1].error, children[1].cause) == ("Batch.Bad", "too big"))
        #expect(
            journal.trace(children[0].arn) == [
                "ExecutionStarted 1/0", "ChoiceStateEntered 2/1", "ChoiceStateExited 3/2", "PassStateEntered 4/3", "PassStateExited 5/4",
                "ExecutionSucceeded 6/5",
            ])
        #expect(
            journal.trace(children[1].arn) == [
                "ExecutionStarted 1/0", "ChoiceStateEntered 2/1", "ChoiceStateExited 3/2", "FailStateEntered 4/3", "ExecutionFailed 5/4",
            ])
        // The parent's history keeps only the Map Run's events, with its own ids.
        #expect(
            await execution.history.map(\.type.rawValue) == [
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded",
            ])
    }

    @Test("A child's context object is its own execution's and state machine's", arguments: ["STANDARD", "EXPRESS"])
    func childContext(type: String) async throws {
        let processor =
            #""Echo": {"Type": "Pass", "End": true, "Parameters": {"id.$": "$$.Execution.Id", "name.$": "$$.Execution.Name", "#
            + #""input.$": "$$.Execution.Input", "machine.$": "$$.StateMachine.Id", "machineName.$": "$$.StateMachine.Name"}}"#
        let (execution, journal) = try await Self.run(Self.definition("", type: type, processor: processor), items: [["n": 1]])
        let output = try #require(await execution.result.output?[0])
        let runId = String(try #require(await execution.mapRuns.first?.arn.split(separator: ":").last))
        let name = String(runId.prefix(24)) + "000000000001"
        #expect(output["name"] == .string(name))
        #expect(output["input"] == ["n": 1])
        #expect(output["machine"] == "arn:aws:states:us-east-1:123456789012:stateMachine:Test/Batches")
        #expect(output["machineName"] == "Test/Batches")
        let id = try #require(output["id"]?.stringValue)
        if type == "STANDARD" {
            #expect(id == "arn:aws:states:us-east-1:123456789012:execution:Test/Batches:\(name)")
            #expect(journal.children.keys.sorted() == [id])
        } else {
            #expect(id.hasPrefix("arn:aws:states:us-east-1:123456789012:express:Test/Batches:\(name):"))
        }
    }

    @Test("EXPRESS children are counted, not recorded")
    func expressChildren() async throws {
        let (execution, journal) = try await Self.run(Self.definition("", type: "EXPRESS"), items: [1, 2, 3])
        #expect(journal.children.isEmpty)
        #expect(journal.changes.withLock { $0.flatMap(\.childEvents).isEmpty })
        #expect(await execution.mapRuns.first?.executionCounts.succeeded == 3)
    }

    @Test("UpdateMapRun raises MaxConcurrency of a running Map Run; the change is a logged step that replays")
    func updateMapRun() async throws {
        let machine = try StateMachine(
            text: Self.definition(
                #", "MaxConcurrency": 1"#, processor: #""Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}"#,
                start: "Work"), name: "Test")
        func runtime(_ gate: Gate) -> Runtime {
            let runtime = Runtime(clock: .real)
            runtime.register("arn:aws:states:::lambda:invoke") { input, _ in
                await gate.enter()
                return input
            }
            return runtime
        }
        let gate = Gate()
        let journal = MapRunJournal()
        let execution = try await runtime(gate).start(machine, input: ["items": [1, 2, 3, 4, 5]], name: "run", journal: journal)
        #expect(await gate.reach(1))
        let arn = try #require(await execution.mapRuns.first?.arn)
        await execution.updateMapRun(arn: arn, maxConcurrency: 3, toleratedFailureCount: 2)
        #expect(await gate.reach(3))
        let run = try #require(await execution.mapRuns.first)
        #expect((run.maxConcurrency, run.toleratedFailureCount, run.executionCounts.running, run.executionCounts.pending) == (3, 2, 3, 2))
        await execution.stop()
        await gate.release()

        // A new runtime replays the log up to the update: the three children in flight are dispatched again.
        let steps = journal.steps.withLock { $0 }
        let update = try #require(steps.firstIndex { if case .updateMapRun = $0.input { true } else { false } })
        let replayGate = Gate()
        let info = try #require(journal.info.withLock { $0 })
        let resumed = await runtime(replayGate).resume(machine, info: info, steps: Array(steps.prefix(update + 1)))
        #expect(await replayGate.reach(3))
        #expect(await resumed.mapRuns.first?.maxConcurrency == 3)
        await replayGate.release()
        let result = await resumed.result
        #expect(result.status == .succeeded)
        #expect(result.output == [1, 2, 3, 4, 5])
    }

    @Test("Stopping the execution aborts its Map Run and the children that were running")
    func stopAborts() async throws {
        let gate = Gate()
        let runtime = Runtime(clock: .real)
        runtime.register("arn:aws:states:::lambda:invoke") { input, _ in
            await gate.enter()
            return input
        }
        let journal = MapRunJournal()
        let machine = try StateMachine(
            text: Self.definition(
                #", "MaxConcurrency": 2"#, processor: #""Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}"#,
                start: "Work"), name: "Test")
        let execution = try await runtime.start(machine, input: ["items": [1, 2, 3]], name: "run", journal: journal)
        #expect(await gate.reach(2))
        await execution.stop(error: "Stop", cause: "test")
        // These handlers ignore cancellation; the result is handed out once they have returned.
        await gate.release()
        _ = await execution.result
        let run = try #require(await execution.mapRuns.first)
        #expect(run.status == .aborted)
        #expect((run.executionCounts.aborted, run.executionCounts.pending, run.executionCounts.running) == (2, 1, 0))
        #expect(journal.children.values.map(\.status) == [.aborted, .aborted])
        let child = try #require(journal.children.keys.min())
        #expect(
            journal.trace(child) == ["ExecutionStarted 1/0", "TaskStateEntered 2/1", "TaskScheduled 3/2", "TaskStarted 4/3", "ExecutionAborted 5/4"])
    }
}
