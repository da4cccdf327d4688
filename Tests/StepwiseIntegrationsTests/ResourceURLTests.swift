import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// URL entries of a resources file: time-outs and stops abort the request (the server sees the connection
/// closed), and an endpoint that does not answer is a task error that says so.
@Suite(.timeLimit(.minutes(3))) struct ResourceURLTests {
    let server: ResourceTestServer

    init() async throws { server = try await ResourceTestServer.start() }

    /// A runtime whose resources file maps `key` to `url` (with `timeoutSeconds` when given).
    func runtime(_ key: String, url: String, timeoutSeconds: Int? = nil) throws -> Runtime {
        var entry: JSONObject = ["url": .string(url)]
        if let timeoutSeconds { entry["timeoutSeconds"] = .int(timeoutSeconds) }
        return try ResourceSupport.runtime(try ResourcesFile(json: ["resources": [key: .object(entry)]], folder: ResourceSupport.folder))
    }

    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:"

    @Test func timeoutSecondsAbortsTheRequest() async throws {
        let url = server.hang("timeout")
        let run = try await ResourceSupport.run(
            ResourceSupport.task(Self.lambda + "hanger"), runtime: try runtime("hanger", url: url, timeoutSeconds: 1))
        #expect(run.result.error == "States.Timeout")
        #expect(run.result.cause == "POST \(url) (resources entry 'hanger') did not finish within 1 seconds and was stopped.")
        #expect(run.types.suffix(2) == ["LambdaFunctionFailed", "ExecutionFailed"])
        #expect(try await server.wait(for: "timeout", toBe: "closed") == "closed")
    }

    @Test func stoppingTheExecutionAbortsTheRequest() async throws {
        let runtime = try runtime("arn:aws:states:::sqs:sendMessage", url: server.hang("stop"))
        let machine = try StateMachine(
            text: ResourceSupport.task("arn:aws:states:::sqs:sendMessage", parameters: #"{"QueueUrl": "q"}"#), name: "Stop")
        let execution = try await runtime.start(machine, name: "stop")
        #expect(try await server.wait(for: "stop", toBe: "open") == "open")
        await execution.stop(cause: "enough")
        #expect(await execution.result.status == .aborted)
        #expect(await execution.history.map(\.type.rawValue).suffix(1) == ["ExecutionAborted"])
        #expect(try await server.wait(for: "stop", toBe: "closed") == "closed")
    }

    @Test func anUnreachableEndpointIsATaskErrorThatSaysSo() async throws {
        let nowhere = "http://127.0.0.1:1/score"
        let lambda = try await ResourceSupport.run(ResourceSupport.task(Self.lambda + "scorer"), runtime: try runtime("scorer", url: nowhere))
        let why = "POST \(nowhere) (resources entry 'scorer') got no answer: could not connect to 127.0.0.1:1 (nothing accepts connections there)."
        #expect(lambda.result.error == "Lambda.Unknown")
        #expect(lambda.result.cause == why)
        #expect(lambda.types.suffix(2) == ["LambdaFunctionFailed", "ExecutionFailed"])
        let key = "arn:aws:states:::sqs:sendMessage"
        let plain = try await ResourceSupport.run(
            ResourceSupport.task(key, parameters: #"{"QueueUrl": "q"}"#), runtime: try runtime(key, url: nowhere))
        #expect(plain.result.error == "States.TaskFailed")
        #expect(
            plain.result.cause
                == "POST \(nowhere) (resources entry '\(key)') got no answer: could not connect to 127.0.0.1:1 (nothing accepts connections there).")
        #expect(plain.types.suffix(2) == ["TaskFailed", "ExecutionFailed"])
    }
}
