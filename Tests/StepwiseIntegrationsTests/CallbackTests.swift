import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import StepwiseTesting
import Testing

@Suite("Callback pattern: .waitForTaskToken with SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat", .timeLimit(.minutes(3)))
struct CallbackTests {
    @Test("SendTaskSuccess completes the task with its output after TaskSubmitted records the call's response")
    func success() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        let execution = try await runtime.start(try Callbacks.tokenMachine(), input: ["order": 7], name: "ok")
        let token = await Callbacks.first(tokens)
        #expect(token == "\(execution.arn)#1")
        try await integrations.tokens.sendTaskSuccess(token: token, output: ["paid": true])
        let result = await execution.result
        #expect(result.status == .succeeded)
        #expect(result.output == ["paid": true])
        let history = await execution.history
        #expect(
            history.map(\.type.rawValue) == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited",
                "ExecutionSucceeded",
            ])
        let submitted = history[4].json()["taskSubmittedEventDetails"]
        #expect(submitted?["resourceType"] == "sqs")
        #expect(submitted?["resource"] == "sendMessage.waitForTaskToken")
        #expect(submitted?["output"] == #"{"MessageId":"m-1"}"#)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: [:]) } == .taskDoesNotExist)
    }

    @Test("SendTaskFailure fails the task with its error and cause")
    func failure() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        let execution = try await runtime.start(try Callbacks.tokenMachine(), input: ["order": 7])
        try await integrations.tokens.sendTaskFailure(token: await Callbacks.first(tokens), error: "Declined", cause: "card expired")
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "Declined")
        #expect(result.cause == "card expired")
        let failed = await execution.history.first { $0.type == .taskFailed }?.json()["taskFailedEventDetails"]
        #expect(failed?["error"] == "Declined")
        #expect(failed?["cause"] == "card expired")
    }

    @Test("With nothing to run the base call, TaskSubmitted records {} and the task waits for its token")
    func noBaseCall() async throws {
        let runtime = Runtime(clock: .real)
        let integrations = CallbackIntegrations(runtime: runtime)
        integrations.install()
        let machine = try StateMachine(
            text: """
                {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish.waitForTaskToken", "End": true}}}
                """, name: "bare")
        let execution = try await runtime.start(machine, name: "bare")
        await Callbacks.waitFor(.taskSubmitted, in: execution)
        let submitted = await execution.history.first { $0.type == .taskSubmitted }?.json()
        #expect(submitted?["taskSubmittedEventDetails"]?["output"] == "{}", "\(String(describing: submitted))")
        try await integrations.tokens.sendTaskSuccess(token: "\(execution.arn)#1", output: "done")
        #expect(await execution.result.output == "done")
    }

    @Test("Heartbeats keep a task alive past HeartbeatSeconds", .realTime)
    func heartbeatKeepsAlive() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        // Beats every 250 ms for 4 s past a 3 s HeartbeatSeconds: alive only through the beats, with a 12x margin
        // between them for a loaded machine.
        let execution = try await runtime.start(try Callbacks.tokenMachine(#", "HeartbeatSeconds": 3"#), input: ["order": 1])
        let token = await Callbacks.first(tokens)
        for _ in 0..<16 {
            try await Task.sleep(for: .milliseconds(250))
            try await integrations.tokens.sendTaskHeartbeat(token: token)
        }
        try await integrations.tokens.sendTaskSuccess(token: token, output: 1)
        #expect(await execution.result.status == .succeeded)
    }

    @Test("Without heartbeats the task times out with States.HeartbeatTimeout; a late callback gets TaskTimedOut")
    func heartbeatTimeout() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        let execution = try await runtime.start(try Callbacks.tokenMachine(#", "HeartbeatSeconds": 1"#), input: ["order": 1])
        let token = await Callbacks.first(tokens)
        let result = await execution.result
        #expect(result.status == .failed)
        #expect(result.error == "States.HeartbeatTimeout")
        #expect(await execution.history.contains { $0.type == .taskTimedOut })
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: 1) } == .taskTimedOut)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskHeartbeat(token: token) } == .taskTimedOut)
    }

    @Test("TimeoutSeconds bounds the wait whatever the heartbeats", .realTime)
    func timeoutSeconds() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        let execution = try await runtime.start(
            try Callbacks.tokenMachine(#", "TimeoutSeconds": 3, "HeartbeatSeconds": 2"#), input: ["order": 1])
        let token = await Callbacks.first(tokens)
        let beats = Task {
            for _ in 0..<16 {
                try? await Task.sleep(for: .milliseconds(250))
                try? await integrations.tokens.sendTaskHeartbeat(token: token)
            }
        }
        let result = await execution.result
        beats.cancel()
        #expect(result.error == "States.Timeout")
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskFailure(token: token) } == .taskTimedOut)
    }

    @Test("Unknown tokens are InvalidToken; a stopped execution's token is TaskDoesNotExist; big output is InvalidOutput")
    func tokenErrors() async throws {
        let (runtime, integrations, tokens) = Callbacks.runtime()
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: "nope", output: 1) } == .invalidToken)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskHeartbeat(token: "arn:x#3") } == .invalidToken)
        let execution = try await runtime.start(try Callbacks.tokenMachine(), input: ["order": 1])
        let token = await Callbacks.first(tokens)
        let big = JSON.string(String(repeating: "x", count: 300_000))
        let tooBig = await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: big) }
        #expect(tooBig?.code == "InvalidOutput")
        await execution.stop(error: "Halt", cause: nil)
        _ = await execution.result
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: 1) } == .taskDoesNotExist)
    }
}
