import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// The HTTP Task performed for real against a local server.
@Suite(.timeLimit(.minutes(3))) struct HTTPTaskTests {
    let server: ResourceTestServer

    init() throws { server = try ResourceTestServer() }

    func call(_ parameters: String) async throws -> MockRun {
        let empty = try ResourcesFile(json: ["resources": [:]], folder: ResourceSupport.folder)
        return try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:states:::http:invoke", parameters: parameters), runtime: try ResourceSupport.runtime(empty))
    }

    @Test func sendsTheRequestAndAnswersAWSShape() async throws {
        let run = try await call("""
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
        #expect(output["ResponseBody"] == [
            "method": "POST", "path": "/orders", "query": "page=2&tag=x&tag=y",
            "headers": ["x-trace": "t-1", "x-multi": "a,b", "content-type": "application/json"], "body": #"{"id":7}"#,
        ])
        #expect(run.types == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        ])
    }

    @Test func urlEncodedBodiesFollowTheArrayFormat() async throws {
        let expected: [(String, String)] = [
            ("BRACKETS", "name=Ada%20L&tags%5B%5D=a&tags%5B%5D=b&meta%5Bk%5D=v"), ("COMMAS", "name=Ada%20L&tags=a%2Cb&meta%5Bk%5D=v"),
            ("INDICES", "name=Ada%20L&tags%5B0%5D=a&tags%5B1%5D=b&meta%5Bk%5D=v"), ("REPEAT", "name=Ada%20L&tags=a&tags=b&meta%5Bk%5D=v"),
        ]
        for (format, body) in expected {
            let run = try await call("""
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

    @Test func aNon2xxAnswerIsStatesHttpStatusCode() async throws {
        let run = try await call(#"{"ApiEndpoint": "\#(server.base)/missing", "Method": "GET"}"#)
        #expect(run.result.error == "States.Http.StatusCode.404")
        #expect(run.result.cause == #"{"message": "no such order"}"#)
        #expect(run.types.suffix(2) == ["TaskFailed", "ExecutionFailed"])
        let busy = try await call(#"{"ApiEndpoint": "\#(server.base)/overloaded", "Method": "POST", "RequestBody": "x"}"#)
        #expect(busy.result.error == "States.Http.StatusCode.503")
        #expect(busy.result.cause == "try later")
    }

    @Test func aTimeoutAbortsTheRequest() async throws {
        let started = Date()
        let empty = try ResourcesFile(json: ["resources": [:]], folder: ResourceSupport.folder)
        let definition = ResourceSupport.task("arn:aws:states:::http:invoke", parameters: #"{"ApiEndpoint": "\#(server.base)/slow", "Method": "GET"}"#, extra: #", "TimeoutSeconds": 1"#)
        let run = try await ResourceSupport.run(definition, runtime: try ResourceSupport.runtime(empty))
        #expect(run.result.error == "States.Timeout")
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func badParametersAreReported() async throws {
        let run = try await call(#"{"ApiEndpoint": "ftp://x", "Method": "GET"}"#)
        #expect(run.result.error == "States.Runtime")
        #expect(run.result.cause?.hasSuffix("ApiEndpoint must be an http:// or https:// URL") == true)
    }
}
