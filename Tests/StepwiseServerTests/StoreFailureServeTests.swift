import Foundation
import JSON
import StepwiseServer
import StepwiseStore
import StepwiseTesting
import Synchronization
import Testing

/// `stepwise serve` when its database fills up, and once it has room again.
@Suite("Serving on a full disk", .timeLimit(.minutes(3)))
struct StoreFailureServeTests {
    /// Five Pass states; the first makes a 40 KB state from a small input, each one records it twice. The Wait
    /// keeps the execution running past the first failed commit, so its next step is refused and it is stopped.
    static let heavy = """
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Parameters": {\(
            (1...8).map { #""k\#($0).$": "States.ArrayRange(10000, 10999, 1)""# }.joined(separator: ", "))}, "Next": "W"},
          "W": {"Type": "Wait", "Seconds": 1, "Next": "B"},
          "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "D"}, "D": {"Type": "Pass", "Next": "E"},
          "E": {"Type": "Pass", "End": true}}}
        """
    static let input = "{}"

    /// Lines logged by the service, as `stepwise serve` prints them on stderr.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// Polls `/health` until `predicate` holds (up to 10 s); answers the last status and body.
    static func health(_ client: APIClient, until predicate: (Int, JSON) -> Bool) async throws -> (Int, JSON) {
        let deadline = ContinuousClock.now + .seconds(10)
        var last = try await client.send("GET", "/health")
        while !predicate(last.status, last.body), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            last = try await client.send("GET", "/health")
        }
        return last
    }

    @Test("An execution the full disk stops is logged and listed by /health (503), new starts get 503, and all recovers once writes succeed")
    func fullDiskThenRecovery() async throws {
        let lines = Lines()
        let configure: (inout ServeOptions) -> Void = { options in
            options.storeOptions.retryInterval = .milliseconds(20)
            options.resumeInterval = .milliseconds(50)
        }
        try await withService(configure: configure, log: lines.append) { service in
            let client = service.client
            let machine = try await client.createMachine("heavy", Self.heavy)
            try await service.stepFunctions.store.setMaxPageCount(1)  // the file may not grow any more: the disk is full
            let arn = try await client.start(machine, name: "big", input: Self.input)

            let (status, health) = try await Self.health(client) { status, _ in status == 503 }
            #expect(status == 503)
            #expect(health["status"] == "failing")
            #expect(health["store"]?["lastFailure"] == "diskFull")
            #expect(health["store"]?["failureMessage"] == "database or disk is full")
            let (_, listed) = try await Self.health(client) { _, body in body["store"]?["unrecordedExecutions"] == [.string(arn)] }
            #expect(listed["store"]?["unrecordedExecutions"] == [.string(arn)])
            #expect(try await client.ok("DescribeExecution", ["executionArn": .string(arn)])["status"] == "RUNNING")
            #expect(
                lines.all.contains(
                    "cannot record execution \(arn) (diskFull: database or disk is full): stopped here, it stays RUNNING at its last "
                        + "recorded step and resumes from there once writes succeed again"))

            let (refusedStatus, refused) = try await client.call(
                "StartExecution", ["stateMachineArn": .string(machine), "name": "later", "input": .string(Self.input)])
            #expect(refusedStatus == 503)
            #expect(awsError(refused).type == "com.amazon.coral.availability#ServiceUnavailableException")
            let (missing, _) = try await client.call("DescribeExecution", ["executionArn": .string(Definitions.executionArn("heavy", "later"))])
            #expect(missing == 400)

            try await service.stepFunctions.store.setMaxPageCount(1_000_000)  // space is back
            let description = try await client.finished(arn)
            #expect(description["status"] == "SUCCEEDED")
            let (healthy, body) = try await Self.health(client) { status, _ in status == 200 }
            #expect(healthy == 200)
            #expect(body["store"]?["lastFailure"] == .null)
            #expect(body["store"]?["unrecordedExecutions"] == [])
            #expect(lines.all.last == "writes succeed again: resumed 1 execution(s) from their last recorded step")
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn), "maxResults": 1000])
            let events = history["events"]?.arrayValue ?? []
            #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...14))
            #expect(events.last?["type"] == "ExecutionSucceeded")
        }
    }

    @Test("StopExecution of an execution RUNNING in the store that nothing drives aborts it there, ExecutionAborted right after its last event")
    func stopUnattended() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let store = try await Store(path: directory.appendingPathComponent("stepwise.db").path)
        let arn = Definitions.executionArn("orphan", "stuck")
        try await store.createExecution(
            ExecutionRecord(
                arn: arn, name: "stuck", stateMachineArn: Definitions.machineArn("orphan"), revisionId: nil,
                definition: "not a definition", input: "{}", startDate: Date(), seed: 7))
        try await store.append(
            arn: arn, step: StepRow(seq: 1, timestamp: Date().timeIntervalSince1970, input: #"{"start":{}}"#),
            events: [
                EventRow(id: 1, type: "ExecutionStarted", timestamp: Date().timeIntervalSince1970, previousEventId: 0)
            ])
        try await store.close()
        let lines = Lines()
        try await withService(directory: directory, log: lines.append) { service in
            // The record cannot be resumed (its definition is unreadable): reported, left RUNNING, the server starts anyway.
            #expect(lines.all.contains { $0.hasPrefix("cannot resume execution \(arn): ") && $0.hasSuffix("; it stays RUNNING in the store") })
            let client = service.client
            let stopped = try await client.ok("StopExecution", ["executionArn": .string(arn), "error": "Halt", "cause": "by hand"])
            let description = try await client.ok("DescribeExecution", ["executionArn": .string(arn)])
            #expect(description["status"] == "ABORTED")
            #expect(description["error"] == "Halt")
            #expect(description["cause"] == "by hand")
            #expect(description["stopDate"] == stopped["stopDate"])
            let history = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn)])
            let events = history["events"]?.arrayValue ?? []
            #expect(events.map { $0["type"] } == ["ExecutionStarted", "ExecutionAborted"])
            #expect(events.last?["id"] == 2)
            #expect(events.last?["previousEventId"] == 0)
            #expect(events.last?["executionAbortedEventDetails"] == ["error": "Halt", "cause": "by hand"])
            #expect(events.last?["timestamp"] == stopped["stopDate"])
            // Stopping it again changes nothing and answers the same date.
            #expect(try await client.ok("StopExecution", ["executionArn": .string(arn)])["stopDate"] == stopped["stopDate"])
        }
    }
}
