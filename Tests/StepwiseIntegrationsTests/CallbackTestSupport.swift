import Foundation
import Stepwise
import StepwiseIntegrations
import StepwiseStore
import StepwiseTesting
import Synchronization

/// Fixtures of the callback, activity and nested-execution tests: runtimes with the integrations installed, a
/// way to catch the task token a state machine hands out, and waiting helpers.
enum Callbacks {
    static let send = "arn:aws:states:::sqs:sendMessage"
    static let waitForToken = send + ".waitForTaskToken"

    /// A one-Task machine on `.waitForTaskToken` that passes the token to the base call; `fields` are extra Task fields.
    static func tokenMachine(_ fields: String = "") throws -> StateMachine {
        try StateMachine(
            text: """
                {"StartAt": "Wait", "States": {"Wait": {"Type": "Task", "Resource": "\(waitForToken)",
                  "Parameters": {"MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"}}\(fields), "End": true}}}
                """, name: "callbacks")
    }

    /// A real-clock runtime with the in-memory integrations installed and a base handler for `sqs:sendMessage`
    /// that yields every token it is given.
    static func runtime() -> (Runtime, CallbackIntegrations, AsyncStream<String>) {
        let runtime = Runtime(clock: .real)
        let integrations = CallbackIntegrations(runtime: runtime)
        integrations.install()
        let (tokens, continuation) = AsyncStream<String>.makeStream()
        runtime.register(send) { input, _ in
            continuation.yield(input["MessageBody"]?["token"]?.stringValue ?? "")
            return ["MessageId": "m-1"]
        }
        return (runtime, integrations, tokens)
    }

    static func first(_ stream: AsyncStream<String>) async -> String {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next() ?? ""
    }

    /// Waits until the execution's history has an event of `type` (up to 5 s).
    static func waitFor(_ type: EventType, in execution: Execution) async {
        for await event in execution.events where event.type == type { return }
    }

    /// The caught callback error of `body`, or nil.
    static func error(_ body: () async throws -> Void) async -> CallbackError? {
        do { try await body() } catch { return error as? CallbackError }
        return nil
    }

    /// A fresh SQLite store in a temporary directory, at `path` when given.
    static func store(_ path: String? = nil) async throws -> Store {
        try await Store(path: path ?? TestSupport.temporaryDirectory().appendingPathComponent("stepwise.db").path)
    }

    /// Stores a state machine so nested executions can start it.
    static func storeMachine(_ store: Store, name: String, definition: String) async throws -> String {
        let arn = "arn:aws:states:us-east-1:123456789012:stateMachine:\(name)"
        try await store.createStateMachine(
            StateMachineRecord(
                name: name, arn: arn, definition: definition, roleArn: "arn:aws:iam::123456789012:role/R", revisionId: "r1", creationDate: Date()))
        return arn
    }
}
