import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// `arn:aws:states:::lambda:invoke` through a resources file: FunctionName forms and AWS's invoke shape.
@Suite(.timeLimit(.minutes(3))) struct LambdaInvokeTests {
    func invoke(_ function: String, payload: String = #"{"a": 1, "b": 2}"#) async throws -> MockRun {
        try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "\#(function)", "Payload": \#(payload)}"#))
    }

    @Test func returnsAWSInvokeShape() async throws {
        let run = try await invoke("adder")
        let output = try #require(run.result.output)
        #expect(output.objectValue?.keys == ["ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"])
        #expect(output["ExecutedVersion"] == "$LATEST")
        #expect(output["Payload"] == ["sum": 3])
        #expect(output["StatusCode"] == 200)
        #expect(output["SdkHttpMetadata"]?["HttpStatusCode"] == 200)
        #expect(output["SdkHttpMetadata"]?["HttpHeaders"]?["Content-Length"] == "9")
        #expect(output["SdkHttpMetadata"]?["AllHttpHeaders"]?["X-Amz-Executed-Version"] == ["$LATEST"])
        let requestId = try #require(output["SdkResponseMetadata"]?["RequestId"]?.stringValue)
        #expect(output["SdkHttpMetadata"]?["HttpHeaders"]?["x-amzn-RequestId"] == .string(requestId))
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
    }

    @Test func invocationTypesAnswerAsLambdaDoes() async throws {
        let event = try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "adder", "InvocationType": "Event", "Payload": {"a": 1, "b": 2}}"#))
        #expect(event.result.output?["StatusCode"] == 202)
        #expect(event.result.output?["Payload"] == "")
        let dryRun = try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "adder", "InvocationType": "DryRun"}"#))
        #expect(dryRun.result.output?["StatusCode"] == 204)
        let missing = try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "nobody", "InvocationType": "DryRun"}"#))
        #expect(missing.result.error == "Lambda.ResourceNotFoundException")
        let bad = try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "adder", "InvocationType": "Later"}"#))
        #expect(bad.result.error == "Lambda.InvalidParameterValueException")
    }

    @Test func functionNamesResolveInEveryForm() async throws {
        for name in ["adder", "adder:7", "123456789012:function:adder", "arn:aws:lambda:us-east-1:123456789012:function:adder:live"] {
            let run = try await invoke(name)
            #expect(run.result.output?["Payload"] == ["sum": 3], "\(name)")
        }
        #expect(try await invoke("adder:7").result.output?["ExecutedVersion"] == "7")
        #expect(try await invoke("notify-ops").result.output?["Payload"] == ["notified": true])
    }

    @Test func functionErrorsKeepLambdaNames() async throws {
        let run = try await invoke("validate")
        #expect(run.result.error == "ValidationError")
        #expect(run.result.cause == #"{"errorType":"ValidationError","errorMessage":"amount must be positive"}"#)
        let missing = try await invoke("nobody")
        #expect(missing.result.error == "Lambda.ResourceNotFoundException")
        #expect(
            missing.result.cause == "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nobody (Service: AWSLambda; "
                + "Status Code: 404; Error Code: ResourceNotFoundException): no entry of the resources file matches it.")
    }

    @Test func urlEntriesPostTheInput() async throws {
        let server = try await ResourceTestServer.start()
        let file = try ResourcesFile(
            json: ["resources": ["scorer": ["url": .string("\(server.base)/score")], "busy": ["url": .string("\(server.base)/overloaded")]]],
            folder: ResourceSupport.folder)
        let runtime = try ResourceSupport.runtime(file)
        let run = try await ResourceSupport.run(
            ResourceSupport.task(
                "arn:aws:states:::lambda:invoke", parameters: #"{"FunctionName": "scorer", "Payload": {"items": [1, 2, 3]}}"#), runtime: runtime)
        #expect(run.result.output?["Payload"] == ["score": 3])
        let busy = try await ResourceSupport.run(ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:busy"), runtime: runtime)
        #expect(busy.result.error == "Lambda.Unknown")
        #expect(busy.result.cause == "POST \(server.base)/overloaded (resources entry 'busy') answered 503 Service Unavailable. Output: try later")
    }
}
