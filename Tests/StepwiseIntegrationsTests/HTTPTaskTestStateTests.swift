import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// TestState of an HTTP Task without a mock: the call is made, and TRACE shows its request and response.
@Suite(.timeLimit(.minutes(3))) struct HTTPTaskTestStateTests {
    let server: ResourceTestServer

    init() async throws { server = try await ResourceTestServer.start() }

    func test(_ level: InspectionLevel) async throws -> TestStateResult {
        let runtime = Runtime(clock: .virtual)
        runtime.add(HTTPTaskResolver(), tier: .services)
        return try await runtime.testState(
            TestStateRequest(
                definition: """
                    {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                     "Parameters": {"ApiEndpoint": "\(server.base)/orders", "Method": "POST", "Headers": {"X-Trace": "t-1"}, "RequestBody": {"id.$": "$.id"}},
                     "ResultSelector": {"status.$": "$.StatusCode", "method.$": "$.ResponseBody.method"}, "End": true}
                    """, input: ["id": 7], inspectionLevel: level, roleArn: "arn:aws:iam::123456789012:role/tester"))
    }

    @Test func traceShowsTheRequestAndResponseOfTheCall() async throws {
        let result = try await test(.trace)
        #expect(result.status == .succeeded)
        #expect(result.output == ["status": 200, "method": "POST"])
        let data = try #require(result.inspectionData)
        #expect(
            data.request == [
                "protocol": "http", "method": "POST", "url": .string("\(server.base)/orders"),
                "headers": "[Content-Type: application/json, X-Trace: t-1]", "body": #"{"id":7}"#,
            ])
        let response = try #require(data.response)
        #expect(response.objectValue?.keys == ["protocol", "statusCode", "statusMessage", "headers", "body"])
        #expect(response["protocol"] == "http")
        #expect(response["statusCode"] == "200")
        #expect(response["statusMessage"] == "OK")
        #expect(response["headers"]?.stringValue?.contains("X-Test: yes") == true)
        let echoed = try JSON(parsing: try #require(response["body"]?.stringValue))
        #expect(echoed["body"] == #"{"id":7}"#)
        #expect(
            data.afterParameters == [
                "ApiEndpoint": .string("\(server.base)/orders"), "Method": "POST", "Headers": ["X-Trace": "t-1"], "RequestBody": ["id": 7],
            ])
    }

    @Test func debugLeavesTheExchangeOut() async throws {
        let result = try await test(.debug)
        #expect(result.status == .succeeded)
        #expect(result.inspectionData?.request == nil)
        #expect(result.inspectionData?.response == nil)
        #expect(result.inspectionData?.result?["StatusCode"] == 200)
    }
}
