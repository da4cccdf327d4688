import Foundation
import JSON
import Stepwise
import StepwiseStore
import StepwiseTesting
import Testing

/// A crash in the middle of a task: the `stepwise` process is killed with SIGKILL while the task is in flight,
/// and the task is dispatched again when the execution resumes (issue 8, "Done when").
@Suite("Tasks in flight survive SIGKILL", .heavy, .timeLimit(.minutes(3)))
struct IntegrationCrashTests {
    /// `stepwise serve --db PATH` in `directory` (real time; empty activity polls answer after 2 s).
    static func serve(_ directory: URL) async throws -> ServeProcess {
        try await TestSupport.serve(
            ["--db", directory.appendingPathComponent("crash.db").path], in: directory, environment: ["STEPWISE_ACTIVITY_POLL_SECONDS": "2"])
    }

    static func kill(_ process: Process) async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        await process.exited()
    }

    /// Kills the server with SIGKILL and starts another on the same database.
    static func crashAndRestart(_ server: ServeProcess, _ directory: URL) async throws -> ServeProcess {
        await kill(server.process)
        return try await serve(directory)
    }

    /// Polls the activity until a task comes (up to 20 s); answers its token and input.
    static func poll(_ client: ServeClient, _ activity: String, worker: String) async throws -> (token: String, input: JSON)? {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let (_, task) = try await client.call("GetActivityTask", ["activityArn": .string(activity), "workerName": .string(worker)])
            if let token = task["taskToken"]?.stringValue { return (token, try JSON(parsing: task["input"]?.stringValue ?? "")) }
        }
        return nil
    }

    static func workerNames(_ client: ServeClient, _ arn: String) async throws -> [JSON] {
        let (_, history) = try await client.call("GetExecutionHistory", ["executionArn": .string(arn)])
        return history["events"]?.arrayValue?.compactMap { $0["activityStartedEventDetails"]?["workerName"] } ?? []
    }

    @Test(
        "Activity tasks are queued again after a restart: a worker polling the new process gets one, and one taken before is answered by its worker")
    func activityRequeued() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let first = try await Self.serve(directory)
        var client = ServeClient(first)
        let (_, created) = try await client.call("CreateActivity", ["name": "review"])
        let activity = try #require(created["activityArn"]?.stringValue)
        let machine = try await client.createStateMachine(
            "reviews",
            """
            {"StartAt": "Review", "States": {"Review": {"Type": "Task", "Resource": "\(activity)", "End": true}}}
            """)
        let takenArn = try await client.startExecution(machine, name: "taken", input: #"{"doc": "B"}"#)
        let early = try #require(try await Self.poll(client, activity, worker: "w1"))
        #expect(early.input == ["doc": "B"])
        #expect(try await client.waitFor("ActivityStarted", in: takenArn))
        let queuedArn = try await client.startExecution(machine, name: "queued", input: #"{"doc": "A"}"#)
        #expect(try await client.waitFor("ActivityScheduled", in: queuedArn))

        let second = try await Self.crashAndRestart(first, directory)
        defer { second.process.terminate() }
        client = ServeClient(second)
        // The worker that took a task before the crash answers the new process with the token it has.
        let (status, _) = try await client.call("SendTaskSuccess", ["taskToken": .string(early.token), "output": #"{"by": "w1"}"#])
        #expect(status == 200)
        let takenEnd = try await client.finished(takenArn)
        #expect(takenEnd["status"] == "SUCCEEDED")
        #expect(takenEnd["output"] == #"{"by":"w1"}"#)
        // The task no worker took before the crash is queued again, for a worker polling the new process.
        let late = try #require(try await Self.poll(client, activity, worker: "w2"))
        #expect(late.input == ["doc": "A"])
        #expect(late.token == queuedArn + "#1")
        #expect(try await client.call("SendTaskSuccess", ["taskToken": .string(late.token), "output": #"{"by": "w2"}"#]).0 == 200)
        let queuedEnd = try await client.finished(queuedArn)
        #expect(queuedEnd["output"] == #"{"by":"w2"}"#)
        let types = [
            "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
            "ExecutionSucceeded",
        ]
        #expect(try await client.eventTypes(takenArn) == types)
        #expect(try await client.eventTypes(queuedArn) == types)
        #expect(try await Self.workerNames(client, takenArn) == ["w1"])
        #expect(try await Self.workerNames(client, queuedArn) == ["w2"])
    }

    @Test("A parent killed while its .sync child runs reattaches to the same child after the restart (no second child)")
    func nestedSyncReattaches() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let first = try await Self.serve(directory)
        var client = ServeClient(first)
        let child = try await client.createStateMachine(
            "napper",
            """
            {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 3, "Next": "Done"},
              "Done": {"Type": "Pass", "Parameters": {"rested.$": "$.n"}, "End": true}}}
            """)
        let parent = try await client.createStateMachine(
            "parent",
            """
            {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "\(child)", "Input": {"n.$": "$.n"}}, "End": true}}}
            """)
        let parentArn = try await client.startExecution(parent, name: "p1", input: #"{"n": 4}"#)
        #expect(try await client.waitFor("TaskSubmitted", in: parentArn))

        let second = try await Self.crashAndRestart(first, directory)
        defer { second.process.terminate() }
        client = ServeClient(second)
        let ended = try await client.finished(parentArn)
        #expect(ended["status"] == "SUCCEEDED")
        let output = try JSON(parsing: ended["output"]?.stringValue ?? "")
        #expect(output["Output"] == ["rested": 4])
        let (_, children) = try await client.call("ListExecutions", ["stateMachineArn": .string(child)])
        let arns = children["executions"]?.arrayValue?.compactMap { $0["executionArn"]?.stringValue } ?? []
        #expect(arns.count == 1)
        #expect(arns.first == output["ExecutionArn"]?.stringValue)
        let events = try await client.eventTypes(parentArn)
        #expect(
            events == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded",
            ])
    }

    @Test("A command in flight when `stepwise run --db` is killed runs again under `stepwise resume`, and the execution ends with its output")
    func commandDispatchedAgain() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("run.db").path
        let resources = ResourceSupport.folder.appendingPathComponent("resources.json").path
        let marker = directory.appendingPathComponent("marker").path
        let definition = directory.appendingPathComponent("once.asl.json")
        try ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:once").write(to: definition, atomically: true, encoding: .utf8)
        let input: JSON = ["marker": .string(marker)]
        let run = try TestSupport.spawn(
            ["run", definition.path, "--db", database, "--resources", resources, "--name", "once-1", "--input", input.serialized()],
            in: directory, label: "run")
        #expect(await ResourceSupport.eventually(20) { (try? String(contentsOfFile: marker, encoding: .utf8))?.isEmpty == false })
        await Self.kill(run)
        // The first command outlives its killed parent (it has a process group of its own): end it.
        let orphan = try #require(Int32(try String(contentsOfFile: marker, encoding: .utf8)))
        Foundation.kill(orphan, SIGKILL)

        let resumed = try await TestSupport.execute(["resume", "--db", database, "--resources", resources, "--json"], in: directory, label: "resume")
        #expect(resumed.status == 0)
        let summary = try JSON(parsing: resumed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(summary["status"] == "SUCCEEDED")
        #expect(summary["output"] == ["dispatchedAgain": true])
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "once-1"))
        #expect(
            try await store.allEvents(arn: record.arn).map { $0["type"]?.stringValue ?? "" } == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded",
            ])
        try await store.close()
    }
}
