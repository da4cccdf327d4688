import Foundation
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseStore
import StepwiseTesting
import Testing

@Suite("Task tokens survive a restart of the durable runtime", .timeLimit(.minutes(3)))
struct CallbackRestartTests {
    /// Starts a `.waitForTaskToken` execution on a first runtime over `path`, waits until it submitted its call,
    /// then drains and closes that runtime as a crash would leave it. Answers the execution's ARN and token.
    static func crashWhileWaiting(_ path: String) async throws -> (arn: String, token: String) {
        let first = DurableRuntime(store: try await Callbacks.store(path), runtime: Runtime(clock: .real))
        CallbackIntegrations(durable: first).install()
        let machine = try Callbacks.tokenMachine(#", "HeartbeatSeconds": 30"#)
        let execution = try await first.start(machine, definition: try Self.definition(), input: ["order": 5], name: "order-5")
        await Callbacks.waitFor(.taskSubmitted, in: execution)
        try await first.close()
        return (execution.arn, "\(execution.arn)#1")
    }

    static func definition() throws -> String {
        """
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "Resource": "\(Callbacks.waitForToken)",
          "Parameters": {"MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}}, "HeartbeatSeconds": 30, "End": true}}}
        """
    }

    static func secondRuntime(_ path: String) async throws -> (DurableRuntime, CallbackIntegrations) {
        let durable = DurableRuntime(store: try await Callbacks.store(path), runtime: Runtime(clock: .real))
        let integrations = CallbackIntegrations(durable: durable)
        integrations.install()
        return (durable, integrations)
    }

    @Test("Resumed, the task is dispatched again with the same token and SendTaskSuccess completes it")
    func resumeThenSend() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("restart.db").path
        let (arn, token) = try await Self.crashWhileWaiting(path)
        let (durable, integrations) = try await Self.secondRuntime(path)
        let resumed = try await durable.resumeAll()
        #expect(resumed.map(\.arn) == [arn])
        while await !integrations.tokens.isWaiting(token) { try await Task.sleep(for: .milliseconds(5)) }
        try await integrations.tokens.sendTaskSuccess(token: token, output: ["shipped": true])
        #expect(await resumed[0].result.output == ["shipped": true])
        try await durable.close()
    }

    @Test("A SendTaskSuccess that comes before the task is dispatched again is kept and completes it")
    func sendBeforeResume() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("restart.db").path
        let (arn, token) = try await Self.crashWhileWaiting(path)
        let (durable, integrations) = try await Self.secondRuntime(path)
        try await integrations.tokens.sendTaskSuccess(token: token, output: ["early": true])
        let second = await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: 2) }
        #expect(second == .taskDoesNotExist)
        let resumed = try await durable.resumeAll()
        let result = await resumed[0].result
        #expect(result.status == .succeeded)
        #expect(result.output == ["early": true])
        await durable.sync()
        #expect(try await durable.store.execution(arn: arn)?.status == .succeeded)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: token, output: 3) } == .taskDoesNotExist)
        #expect(await Callbacks.error { try await integrations.tokens.sendTaskSuccess(token: arn + "#9x", output: 3) } == .invalidToken)
        try await durable.close()
    }
}
