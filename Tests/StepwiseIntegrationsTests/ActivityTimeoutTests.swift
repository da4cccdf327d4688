import Foundation
import Stepwise
import StepwiseIntegrations
import StepwiseTesting
import Testing

/// Activity tasks that time out: HeartbeatSeconds without heartbeats, TimeoutSeconds whatever the heartbeats,
/// a task no worker takes; and what a worker's late answer gets.
@Suite("Activities: heartbeats and time-outs", .timeLimit(.minutes(3)))
struct ActivityTimeoutTests {
    static func machine(_ arn: String, _ fields: String) throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "\(arn)"\(fields), "End": true}}}
                """, name: "activities")
    }

    /// Starts a one-Task execution on a new activity `name`; answers it with the integrations.
    static func start(_ name: String, _ fields: String) async throws -> (Execution, CallbackIntegrations, arn: String) {
        let (runtime, integrations) = ActivityTests.setUp()
        let activity = try await integrations.activities.create(name: name)
        let execution = try await runtime.start(try machine(activity.arn, fields), input: ["doc": 3], name: name)
        return (execution, integrations, activity.arn)
    }

    /// Starts a one-Task execution on a new activity `name` while worker `w1` already polls it, so the worker has
    /// the task as soon as it is scheduled (the HeartbeatSeconds clock starts then); answers the task too.
    static func startTaken(_ name: String, _ fields: String) async throws -> (Execution, CallbackIntegrations, ActivityTask, arn: String) {
        let (runtime, integrations) = ActivityTests.setUp()
        let activity = try await integrations.activities.create(name: name)
        let poll = Task { try await integrations.getActivityTask(arn: activity.arn, worker: "w1", timeout: .seconds(20)) }
        while await integrations.broker.pollerCount(activity.arn) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let execution = try await runtime.start(try machine(activity.arn, fields), input: ["doc": 3], name: name)
        let task = try #require(try await poll.value)
        return (execution, integrations, task, activity.arn)
    }

    /// Sends a heartbeat every 200 ms until the task's token is refused; answers the refusal.
    static func heartbeat(_ token: String, _ integrations: CallbackIntegrations) async -> CallbackError? {
        while true {
            if let refusal = await Callbacks.error({ try await integrations.tokens.sendTaskHeartbeat(token: token) }) { return refusal }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Checks that a task a worker took ended with ActivityTimedOut `error` and `cause`, and so did the execution;
    /// answers the history.
    static func expectTimedOut(_ execution: Execution, _ error: String, _ cause: String) async -> [HistoryEvent] {
        let result = await execution.result
        #expect(result.error == error)
        #expect(result.cause == cause)
        let history = await execution.history
        #expect(
            history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivityTimedOut", "ExecutionFailed",
            ])
        #expect(
            history.last(where: { $0.type == .activityTimedOut })?.json()["activityTimedOutEventDetails"] == [
                "error": .string(error), "cause": .string(cause),
            ])
        return history
    }

    @Test(
        "A worker that sends no heartbeat times the task out: ActivityTimedOut with States.HeartbeatTimeout; a late answer is TaskTimedOut",
        .realTime)
    func heartbeatTimeout() async throws {
        let (execution, integrations, task, arn) = try await Self.startTaken("silent", #", "TimeoutSeconds": 30, "HeartbeatSeconds": 2"#)
        let history = await Self.expectTimedOut(execution, "States.HeartbeatTimeout", "Task heartbeat timed out.")
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: task.token, output: ["late": true]) } == .taskTimedOut)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskHeartbeat(token: task.token) } == .taskTimedOut)
        // AWS's ActivityScheduledEventDetails carries heartbeatInSeconds.
        #expect(
            history.first(where: { $0.type == .activityScheduled })?.json()["activityScheduledEventDetails"] == [
                "resource": .string(arn), "input": #"{"doc":3}"#, "inputDetails": ["truncated": false], "timeoutInSeconds": 30,
                "heartbeatInSeconds": 2,
            ])
    }

    @Test("Heartbeats keep a task alive past HeartbeatSeconds until the worker answers", .realTime)
    func heartbeatsKeepItAlive() async throws {
        // Beats every 200 ms for 4 s past a 3 s HeartbeatSeconds (a 15x margin between beats for a loaded machine).
        let (execution, integrations, task, _) = try await Self.startTaken("chatty", #", "HeartbeatSeconds": 3"#)
        for _ in 0..<20 {
            try await integrations.tokens.sendTaskHeartbeat(token: task.token)
            try await Task.sleep(for: .milliseconds(200))
        }
        try await integrations.tokens.sendTaskSuccess(token: task.token, output: ["done": true])
        #expect(await execution.result.output == ["done": true])
        #expect(
            await execution.history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityStarted", "ActivitySucceeded", "TaskStateExited",
                "ExecutionSucceeded",
            ])
    }

    @Test("TimeoutSeconds ends a task whatever its heartbeats: ActivityTimedOut with States.Timeout", .realTime)
    func timeoutWhateverTheHeartbeats() async throws {
        let (execution, integrations, task, _) = try await Self.startTaken("endless", #", "TimeoutSeconds": 3, "HeartbeatSeconds": 2"#)
        #expect(await Self.heartbeat(task.token, integrations) == .taskTimedOut)
        _ = await Self.expectTimedOut(execution, "States.Timeout", "Task timed out.")
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskFailure(token: task.token, error: "Late") } == .taskTimedOut)
    }

    @Test("A task no worker takes times out from when it was scheduled, and leaves the queue")
    func timeoutInTheQueue() async throws {
        let (execution, integrations, arn) = try await Self.start("unattended", #", "TimeoutSeconds": 1"#)
        let result = await execution.result
        #expect(result.error == "States.Timeout")
        #expect(
            await execution.history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "ActivityScheduled", "ActivityTimedOut", "ExecutionFailed",
            ])
        #expect(await integrations.broker.queuedCount(arn) == 0)
        #expect(try await integrations.getActivityTask(arn: arn, timeout: .milliseconds(50)) == nil)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: execution.arn + "#1", output: [:]) } == .taskTimedOut)
    }
}
