import Foundation
import JSON
import Testing

@testable import StepwiseServer

@Suite("AWS API: tags and the wire protocol", .serialized, .timeLimit(.minutes(1)))
struct APITagAndProtocolTests {
    static let model = "com.amazonaws.swf.service.v2.model#"

    @Test("Tags are added, listed sorted by key, removed; unknown resources are ResourceNotFound")
    func tags() async throws {
        try await withService { service in
            let client = service.client
            let arn = try await client.createMachine("tagged")
            _ = try await client.ok(
                "TagResource", ["resourceArn": .string(arn), "tags": [["key": "team", "value": "a"], ["key": "env", "value": "dev"]]])
            let listed = try await client.ok("ListTagsForResource", ["resourceArn": .string(arn)])
            #expect(listed == ["tags": [["key": "env", "value": "dev"], ["key": "team", "value": "a"]]])
            _ = try await client.ok("UntagResource", ["resourceArn": .string(arn), "tagKeys": ["team"]])
            #expect(try await client.ok("ListTagsForResource", ["resourceArn": .string(arn)]) == ["tags": [["key": "env", "value": "dev"]]])
            let missing = Definitions.machineArn("nobody")
            let (status, body) = try await client.call("ListTagsForResource", ["resourceArn": .string(missing)])
            #expect(status == 400)
            #expect(awsError(body) == ("\(Self.model)ResourceNotFound", "Resource not found: '\(missing)'"))
        }
    }

    @Test("Unknown targets are UnknownOperationException")
    func unknownTargets() async throws {
        try await withService { service in
            let (status, body) = try await service.client.call("", target: "AWSStepFunctions.DoMagic")
            #expect(status == 400)
            #expect(awsError(body) == ("com.amazon.coral.service#UnknownOperationException", "Unknown operation: AWSStepFunctions.DoMagic"))
            let (_, missing) = try await service.client.send("POST", "/", body: "{}")
            #expect(awsError(missing).type == "com.amazon.coral.service#UnknownOperationException")
        }
    }

    @Test("Malformed JSON and wrong member types are SerializationException; the server keeps serving")
    func badBodies() async throws {
        try await withService { service in
            let client = service.client
            for body in ["{", "[1,2]", "\u{1}garbage", #"{"maxResults":"ten"}"#, #"{"maxResults":1.5}"#] {
                let (status, response) = try await client.send(
                    "POST", "/", body: body, headers: ["X-Amz-Target: AWSStepFunctions.ListStateMachines"])
                #expect(status == 400, "\(body)")
                #expect(awsError(response).type == "com.amazon.coral.service#SerializationException", "\(body)")
            }
            let (_, wrongList) = try await client.call("TagResource", ["resourceArn": .string(Definitions.machineArn("x")), "tags": "a=b"])
            #expect(awsError(wrongList) == ("com.amazon.coral.service#SerializationException", "Unexpected string for member 'tags': expected list"))
            #expect(try await client.ok("ListStateMachines") == ["stateMachines": []])
        }
    }

    @Test("Responses are application/x-amz-json-1.0; GET / is the console, PUT / is 405")
    func wire() async throws {
        try await withService { service in
            let response = try await service.client.sendRaw(
                "POST", "/", body: "{}", headers: ["X-Amz-Target: AWSStepFunctions.ListStateMachines"])
            #expect(response.headers["Content-Type"] == "application/x-amz-json-1.0")
            let get = try await service.client.sendRaw("GET", "/")
            #expect(get.status == 200)
            #expect(get.headers["Content-Type"] == "text/html; charset=utf-8")
            let put = try await service.client.sendRaw("PUT", "/")
            #expect(put.status == 405)
            #expect(put.headers["Allow"] == "GET, HEAD, POST")
        }
    }
}
