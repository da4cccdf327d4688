import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// The HTTP Task performed for real against a local server.
@Suite(.timeLimit(.minutes(3))) struct HTTPTaskTests {
    let server: ResourceTestServer

    init() async throws { server = try await ResourceTestServer.start() }

    func call(_ parameters: String) async throws -> MockRun {
        let empty = try ResourcesFile(json: ["resources": [:]], folder: ResourceSupport.folder)
        return try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:states:::http:invoke", parameters: parameters), runtime: try ResourceSupport.runtime(empty))
    }

    @Test func sendsTheRequestAndAnswersAWSShape() async throws {
        let run = try await call(
            """
            {"ApiEndpoint": "\(server.base)/orders", "Method": "POST", "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/c/1"},
             "Headers": {"X-Trace": "t-1", "X-Multi": ["a", "b"]}, "QueryParameters": {"page": 2, "tag": ["x", "y"], "skip": null},
             "RequestBody": {"id": 7}}
            """)
        #expect(run.result.status == .succeeded)
        let output = try #require(run.result.output)
        #expect(output["StatusCode"] == 200)
        #expect(output["StatusText"] == "OK")
        #expect(output["Headers"]?["X-Test"] == ["yes"])
        #expect(output["Headers"]?["Content-Type"] == ["application/json"])
        #expect(output.objectValue?.keys == ["Headers", "ResponseBody", "StatusCode", "StatusText"])
        #expect(
            output["ResponseBody"] == [
                "method": "POST", "path": "/orders", "query": "page=2&tag=x&tag=y",
                "headers": ["x-trace": "t-1", "x-multi": "a,b", "content-type": "application/json"], "body": #"{"id":7}"#,
            ])
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
    }

    @Test func urlEncodedBodiesFollowTheArrayFormat() async throws {
        let expected: [(String, String)] = [
            ("BRACKETS", "name=Ada%20L&tags%5B%5D=a&tags%5B%5D=b&meta%5Bk%5D=v"), ("COMMAS", "name=Ada%20L&tags=a%2Cb&meta%5Bk%5D=v"),
            ("INDICES", "name=Ada%20L&tags%5B0%5D=a&tags%5B1%5D=b&meta%5Bk%5D=v"), ("REPEAT", "name=Ada%20L&tags=a&tags=b&meta%5Bk%5D=v"),
        ]
        for (format, body) in expected {
            let run = try await call(
                """
                {"ApiEndpoint": "\(server.base)/form", "Method": "PUT", "RequestBody": {"name": "Ada L", "tags": ["a", "b"], "meta": {"k": "v"}},
                 "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "\(format)"}}}
                """)
            #expect(run.result.output?["ResponseBody"]?["body"] == .string(body), "\(format)")
            #expect(run.result.output?["ResponseBody"]?["headers"]?["content-type"] == "application/x-www-form-urlencoded")
        }
    }

    @Test func textBodiesStayText() async throws {
        let run = try await call(#"{"ApiEndpoint": "\#(server.base)/text", "Method": "GET"}"#)
        #expect(run.result.output?["ResponseBody"] == "plain words")
    }

    /// AWS's cause for a non-2xx answer is the response itself (the Task's result shape) as JSON text.
    @Test func aNon2xxAnswerIsStatesHttpStatusCodeWithTheResponseAsCause() async throws {
        let run = try await call(#"{"ApiEndpoint": "\#(server.base)/missing", "Method": "GET"}"#)
        #expect(run.result.error == "States.Http.StatusCode.404")
        let cause = try JSON(parsing: try #require(run.result.cause))
        #expect(cause.objectValue?.keys == ["Headers", "ResponseBody", "StatusCode", "StatusText"])
        #expect(cause["ResponseBody"] == ["message": "no such order"])
        #expect(cause["StatusCode"] == 404)
        #expect(cause["StatusText"] == "Not Found")
        #expect(cause["Headers"]?["X-Test"] == ["yes"])
        #expect(run.types.suffix(2) == ["TaskFailed", "ExecutionFailed"])
        let busy = try await call(#"{"ApiEndpoint": "\#(server.base)/overloaded", "Method": "POST", "RequestBody": "x"}"#)
        #expect(busy.result.error == "States.Http.StatusCode.503")
        let busyCause = try JSON(parsing: try #require(busy.result.cause))
        #expect(busyCause["ResponseBody"] == "try later")
        #expect(busyCause["StatusText"] == "Service Unavailable")
    }

    @Test func aRefusedConnectionOrAnUnknownHostIsStatesHttpSocket() async throws {
        let refused = try await call(#"{"ApiEndpoint": "http://127.0.0.1:1/orders", "Method": "GET"}"#)
        #expect(refused.result.error == "States.Http.Socket")
        #expect(refused.result.cause == "GET http://127.0.0.1:1/orders: could not connect to 127.0.0.1:1 (nothing accepts connections there)")
        #expect(refused.types.suffix(2) == ["TaskFailed", "ExecutionFailed"])
        let unknown = try await call(#"{"ApiEndpoint": "http://no-such-host.invalid/orders", "Method": "POST", "RequestBody": {}}"#)
        #expect(unknown.result.error == "States.Http.Socket")
        #expect(unknown.result.cause == "POST http://no-such-host.invalid/orders: could not resolve the host 'no-such-host.invalid'")
    }

    @Test func aTimeoutAbortsTheRequest() async throws {
        let started = Date()
        let empty = try ResourcesFile(json: ["resources": [:]], folder: ResourceSupport.folder)
        let parameters = #"{"ApiEndpoint": "\#(server.hang("timeout"))", "Method": "GET"}"#
        // 10 s, not 1: beside the whole suite on a loaded machine the request must reach the server before the task
        // times out (5 s was not always enough).
        let definition = ResourceSupport.task("arn:aws:states:::http:invoke", parameters: parameters, extra: #", "TimeoutSeconds": 10"#)
        let run = try await ResourceSupport.run(definition, runtime: try ResourceSupport.runtime(empty))
        #expect(run.result.error == "States.Timeout")
        #expect(run.result.cause == "Task timed out.")
        #expect(run.types.suffix(2) == ["TaskTimedOut", "ExecutionFailed"])
        #expect(Date().timeIntervalSince(started) < 25)  // the server holds the request 30 s
        #expect(try await server.wait(for: "timeout", toBe: "closed", seconds: 20) == "closed")
    }

    @Test func aStopAbortsTheRequest() async throws {
        let empty = try ResourcesFile(json: ["resources": [:]], folder: ResourceSupport.folder)
        let parameters = #"{"ApiEndpoint": "\#(server.hang("stop"))", "Method": "POST", "RequestBody": {"n": 1}}"#
        let machine = try StateMachine(text: ResourceSupport.task("arn:aws:states:::http:invoke", parameters: parameters), name: "Stop")
        let execution = try await ResourceSupport.runtime(empty).start(machine, name: "stop")
        #expect(try await server.wait(for: "stop", toBe: "open") == "open")
        await execution.stop(cause: "enough")
        #expect(await execution.result.status == .aborted)
        #expect(try await server.wait(for: "stop", toBe: "closed") == "closed")
    }

    /// An HTTP Task may take 60 seconds on AWS; past its time limit the request is aborted (States.Http.Socket).
    @Test func theTimeLimitAbortsTheRequest() async throws {
        let runtime = Runtime(clock: .real)
        runtime.add(HTTPTaskResolver(timeLimit: 1), tier: .services)
        let url = server.hang("limit")
        let run = try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:states:::http:invoke", parameters: #"{"ApiEndpoint": "\#(url)", "Method": "GET"}"#), runtime: runtime)
        #expect(run.result.error == "States.Http.Socket")
        #expect(run.result.cause == "GET \(url): no answer within 1 seconds; the request was aborted")
        #expect(try await server.wait(for: "limit", toBe: "closed") == "closed")
    }

    @Test func badParametersAreReported() async throws {
        let run = try await call(#"{"ApiEndpoint": "ftp://x", "Method": "GET"}"#)
        #expect(run.result.error == "States.Runtime")
        #expect(run.result.cause?.hasSuffix("ApiEndpoint must be an http:// or https:// URL") == true)
    }
}
