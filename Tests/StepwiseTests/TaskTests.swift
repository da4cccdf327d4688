import Foundation
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@Suite("Tasks, Retry, Catch, timeouts and cancellation", .timeLimit(.minutes(3)))
struct TaskTests {
    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:work"
    static let service = "arn:aws:states:::lambda:invoke"

    @Test("A service Task records Scheduled, Started and Succeeded and passes the handler's result on")
    func serviceTask() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)",
              "Parameters": {"n.$": "$.n"}, "ResultSelector": {"doubled.$": "$.value"}, "ResultPath": "$.r", "End": true}}}
            """, input: ["n": 21]
        ) { runtime in
            runtime.register(Self.service) { input, _ in ["value": .int((input["n"]?.intValue ?? 0) * 2)] }
        }
        #expect(run.result.output == ["n": 21, "r": ["doubled": 42]])
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
        let scheduled = run.history[2].json()["taskScheduledEventDetails"]
        #expect(scheduled?["resourceType"] == "lambda")
        #expect(scheduled?["resource"] == "invoke")
        #expect(scheduled?["parameters"] == #"{"n":21}"#)
    }

    @Test("ActivityScheduled carries the input and both timeouts, as AWS's ActivityScheduledEventDetails does")
    func activityScheduled() async throws {
        let activity = "arn:aws:states:us-east-1:123456789012:activity:review"
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(activity)", "TimeoutSeconds": 300,
              "HeartbeatSeconds": 60, "End": true}}}
            """, input: ["doc": 3]
        ) { runtime in runtime.register(activity) { input, _ in input } }
        #expect(run.result.output == ["doc": 3])
        let scheduled = try #require(run.history.first { $0.type == .activityScheduled })
        #expect(
            scheduled.json()["activityScheduledEventDetails"] == [
                "resource": .string(activity), "input": #"{"doc":3}"#, "inputDetails": ["truncated": false],
                "timeoutInSeconds": 300, "heartbeatInSeconds": 60,
            ])
    }

    @Test("A legacy Lambda ARN records LambdaFunction events")
    func lambdaEvents() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.lambda)", "End": true}}}
            """
        ) { runtime in runtime.register("arn:aws:lambda:*:*:function:*") { input, _ in input } }
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded",
            ])
    }

    @Test("Retries follow IntervalSeconds × BackoffRate^(n−1) capped at MaxDelaySeconds")
    func backoffSchedule() async throws {
        let calls = Mutex(0)
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true,
              "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxDelaySeconds": 10, "MaxAttempts": 3}]}}}
            """
        ) { runtime in
            runtime.register(Self.service) { _, _ in
                let attempt = calls.withLock { count in
                    count += 1
                    return count
                }
                if attempt <= 3 { throw StatesError("Flaky", "attempt \(attempt)") }
                return "done"
            }
        }
        #expect(run.result.output == "done")
        #expect(run.offsets(of: .taskScheduled) == [0, 2, 8, 18])
        #expect(run.types.filter { $0 == "TaskFailed" }.count == 3)
    }

    @Test("MaxAttempts 0 never retries and a catcher places the error output with its ResultPath")
    func catchAfterNoRetry() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "Next": "Done",
                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 0}],
                "Catch": [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Done"}]},
              "Done": {"Type": "Succeed"}}}
            """, input: ["id": 1]
        ) { runtime in
            runtime.register(Self.service) { _, _ in throw StatesError("Custom.Error", "it broke") }
        }
        #expect(run.result.output == ["id": 1, "error": ["Error": "Custom.Error", "Cause": "it broke"]])
        #expect(run.types.filter { $0 == "TaskScheduled" }.count == 1)
    }

    @Test("TimeoutSeconds fails the task with States.Timeout and cancels the handler")
    func taskTimeout() async throws {
        let cancelled = Mutex(false)
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "TimeoutSeconds": 30, "End": true}}}
            """
        ) { runtime in
            runtime.register(Self.service) { _, context in
                do { try await context.sleep(seconds: 3600) } catch {
                    cancelled.withLock { $0 = true }
                    throw error
                }
                return "late"
            }
        }
        #expect(run.result.status == .failed)
        #expect(run.result.error == "States.Timeout")
        #expect(run.types.suffix(2) == ["TaskTimedOut", "ExecutionFailed"])
        #expect(run.offsets(of: .taskTimedOut) == [30])
        try await Task.sleep(for: .milliseconds(50))
        #expect(cancelled.withLock { $0 })
    }

    @Test("A missed heartbeat fails the task with States.HeartbeatTimeout, which a States.Timeout catcher catches")
    func heartbeatTimeout() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "T", "States": {
              "T": {"Type": "Task", "Resource": "\(Self.service)", "HeartbeatSeconds": 10, "Next": "Caught",
                "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Caught"}]},
              "Caught": {"Type": "Pass", "End": true}}}
            """
        ) { runtime in
            runtime.register(Self.service) { _, context in
                try await context.sleep(seconds: 5)
                await context.heartbeat()
                try await context.sleep(seconds: 100)
                return "never"
            }
        }
        #expect(run.result.output == ["Error": "States.HeartbeatTimeout", "Cause": "Task heartbeat timed out."])
        #expect(run.offsets(of: .taskTimedOut) == [15])
    }

    @Test("Stopping an execution during a Task cancels the handler and records ExecutionAborted")
    func stopDuringTask() async throws {
        let probe = BlockingHandler()
        let runtime = probe.runtime(for: Self.service)
        let machine = try StateMachine(
            text: """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "\(Self.service)", "End": true}}}
                """)
        let execution = try await runtime.start(machine)
        try await probe.waitForStarts(1)
        await execution.stop(error: "Cancelled", cause: "by operator")
        let result = await execution.result
        #expect(result.status == .aborted)
        #expect(result.error == "Cancelled")
        #expect(await execution.history.last?.type == .executionAborted)
        #expect(probe.cancelled == 1, "the result is handed out once the cancelled handler has returned")
    }

    @Test("Stopping during a Wait aborts the execution without a WaitStateAborted event")
    func stopDuringWait() async throws {
        let runtime = Runtime(clock: .real)
        let machine = try StateMachine(text: #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 600, "End": true}}}"#)
        let execution = try await runtime.start(machine)
        await execution.stop()
        #expect(await execution.result.status == .aborted)
        #expect(await execution.history.map(\.type.rawValue) == ["ExecutionStarted", "WaitStateEntered", "ExecutionAborted"])
    }

    @Test("A Task without a handler refuses to start and names the resource and the way to provide one")
    func missingHandler() async throws {
        let machine = try StateMachine(
            text: """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}
                """)
        await #expect(throws: StartError.self) { _ = try await Runtime(clock: .virtual).start(machine) }
        do {
            _ = try await Runtime(clock: .virtual).start(machine)
        } catch {
            #expect(error.message.contains("'arn:aws:states:::sqs:sendMessage'"))
            #expect(error.message.contains("runtime.register"))
        }
    }

    @Test("The events stream replays history and follows it live to the end")
    func eventStream() async throws {
        let runtime = Runtime(clock: .virtual)
        let machine = try StateMachine(text: #"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}"#)
        let execution = try await runtime.start(machine)
        var types: [String] = []
        for await event in execution.events { types.append(event.type.rawValue) }
        #expect(types == ["ExecutionStarted", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded"])
    }
}
