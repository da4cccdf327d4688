import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@testable import StepwiseCLI

/// The progress display's line builder, fed by a real run: a Parallel of an inline Map and a Distributed Map of
/// 1,000 items each, with failures and retries, and a third branch whose Task holds virtual time still until the
/// test lets it go, so the run can be looked at while both Maps wait out a retry.
@Suite("Progress lines", .timeLimit(.minutes(3)))
struct ProgressBoardTests {
    static let definition = """
        {"StartAt": "Work", "States": {"Work": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1, "End": true,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Check", "States": {
              "Check": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:check", "End": true,
                "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3}],
                "Catch": [{"ErrorEquals": ["Invalid"], "Next": "Rejected"}]},
              "Rejected": {"Type": "Pass", "End": true}}}}}},
          {"StartAt": "Batches", "States": {"Batches": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 1,
            "ToleratedFailurePercentage": 100, "End": true,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Load", "States": {
              "Load": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:load", "End": true,
                "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3}]}}}}}},
          {"StartAt": "Gate", "States": {"Gate": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:gate", "End": true}}}
        ]}}}
        """

    /// Items whose n is 7 modulo 100 fail (Check: caught as Rejected; Load: the child fails, tolerated); the items
    /// named in `throttled` fail once with Throttled and are retried 2 s later.
    static func runtime(gate: Gate) -> Runtime {
        let runtime = Runtime(clock: .virtual)
        let seen = Mutex<Set<String>>([])
        for (name, error) in [("check", "Invalid"), ("load", "LoadFailed")] {
            runtime.register("arn:aws:lambda:us-east-1:123456789012:function:\(name)") { input, _ in
                let n = input["n"]?.intValue ?? 0
                if n % 100 == 7 { throw StatesError(error, "item \(n) is not valid") }
                if [600, name == "check" ? 603 : 853].contains(n), seen.withLock({ $0.insert("\(name)-\(n)").inserted }) {
                    throw StatesError("Throttled", "slow down")
                }
                return input
            }
        }
        runtime.register("arn:aws:lambda:us-east-1:123456789012:function:gate") { input, _ in
            await gate.wait()
            return input
        }
        return runtime
    }

    @Test func aMapOfAThousandItemsWithFailuresAndRetries() async throws {
        let gate = Gate()
        let machine = try StateMachine(text: Self.definition, name: "progress")
        let items = JSON.array((0..<1000).map { ["n": .int($0)] })
        let execution = try await Self.runtime(gate: gate).start(machine, input: ["items": items], name: "thousand")
        // Both Maps reach item 600 and wait out its retry; time stands still while Gate runs.
        let deadline = Date().addingTimeInterval(60)
        while await execution.retries.count < 2, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        var board = ProgressBoard(machine: machine, startDate: execution.startDate)
        for event in await execution.history { board.apply(event) }
        board.mapRuns = await execution.mapRuns
        board.retries = await execution.retries
        let now = execution.startDate.addingTimeInterval(0.5)
        // States: Work, Each, Batches, Gate, Check for items 0-600, Rejected for 7, 107, …, 507. Events: 11 of the
        // Parallel, the Maps and Gate; 7 per item (MapIterationStarted … MapIterationSucceeded), 9 for the 6 rejected
        // ones, 5 for item 600 so far (its Check failed). The Map Run's children keep their events to themselves.
        #expect(
            board.lines(now: now, width: 200) == [
                "▶ progress · Check · 0.5s · 611 states entered · 4,228 events",
                "  ⧉ Each (Map) · 600/1,000 done · 0 failed · 1 running",
                "  ⧉ Batches (Map Run) · items 600/1,000 done · 6 failed · executions 600/1,000 done · 6 failed · 1 running",
                "  ⑂ Work (Parallel) · 0/3 branches done · running: Each, Batches, Gate",
                "  ↻ Check · retry 1/3 after Throttled · next try in 1.5s",
                "  ↻ Load · retry 1/3 after Throttled · next try in 1.5s",
            ])
        #expect(board.lines(now: now, width: 40)[2] == "  ⧉ Batches (Map Run) · items 600/1,000…")

        await gate.open()
        let result = await execution.result
        #expect(result.status == .succeeded)
        var final = ProgressBoard(machine: machine, startDate: execution.startDate)
        let history = await execution.history
        for event in history { final.apply(event) }
        final.mapRuns = await execution.mapRuns
        // 21 events outside the items; 7 per item, 9 for the 10 rejected, 10 for the 2 retried: 7,047. The run takes
        // 4 s of virtual time: items 603 and 853 are throttled once the retries of item 600 ran, 2 s in.
        #expect(history.count == 7047)
        #expect(final.lines(now: now, width: 200) == ["▶ progress · Check · 0.5s · 1,014 states entered · 7,047 events"])
        #expect(final.summary(result) == "✔ SUCCEEDED in 4.0s · 1,014 states entered · 7,047 events · 2,000 items (1,990 succeeded, 10 failed)")
    }

    @Test func manyRetriesAreCounted() throws {
        var board = ProgressBoard(
            machine: try StateMachine(text: #"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#), startDate: Date(timeIntervalSince1970: 0))
        board.retries = (1...5).map {
            RetryInProgress(stateName: "S\($0)", attempt: $0, maxAttempts: 6, error: "E", nextTry: Date(timeIntervalSince1970: Double($0)))
        }
        #expect(
            board.lines(now: Date(timeIntervalSince1970: 2), width: 100) == [
                "▶ StateMachine · … · 2.0s · 0 states entered · 0 events", "  ↻ S1 · retry 1/6 after E · next try now",
                "  ↻ S2 · retry 2/6 after E · next try now", "  ↻ S3 · retry 3/6 after E · next try in 1.0s", "  ↻ … 2 more retries",
            ])
    }

    @Test(arguments: [(0.04, "0.0s"), (59.96, "59.9s"), (60, "1m00s"), (3599.9, "59m59s"), (3725, "1h02m")])
    func durations(seconds: Double, text: String) {
        #expect(ProgressBoard.duration(seconds) == text)
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-1200, "-1,200")])
    func numbers(value: Int, text: String) {
        #expect(ProgressBoard.number(value) == text)
    }
}

/// A Task that waits until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}
