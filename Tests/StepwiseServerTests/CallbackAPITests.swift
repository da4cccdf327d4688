import Foundation
import JSON
import StepwiseServer
import Testing

@Suite("SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat over the AWS JSON API", .timeLimit(.minutes(3)))
struct CallbackAPITests {
    static let model = "com.amazonaws.swf.service.v2.model#"
    static let waiter = """
        {"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"HeartbeatSeconds":30,"End":true}}}
        """

    /// Starts the waiting machine and waits for its TaskSubmitted; answers the execution ARN and its token.
    static func startWaiting(_ client: APIClient, name: String) async throws -> (arn: String, token: String) {
        let arn = try await client.start(try await client.createMachine("waiter", waiter), name: name)
        for _ in 0..<500 {
            let events = try await client.ok("GetExecutionHistory", ["executionArn": .string(arn)])["events"]?.arrayValue ?? []
            if events.contains(where: { $0["type"] == "TaskSubmitted" }) { return (arn, "\(arn)#1") }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ClientError(description: "no TaskSubmitted")
    }

    @Test("SendTaskSuccess completes the execution with the output; a second one is TaskDoesNotExist")
    func success() async throws {
        try await withService { service in
            let client = service.client
            let (arn, token) = try await Self.startWaiting(client, name: "ok")
            #expect(try await client.ok("SendTaskHeartbeat", ["taskToken": .string(token)]) == [:])
            #expect(try await client.ok("SendTaskSuccess", ["taskToken": .string(token), "output": #"{"paid":true}"#]) == [:])
            let description = try await client.finished(arn)
            #expect(description["status"] == "SUCCEEDED")
            #expect(description["output"] == #"{"paid":true}"#)
            let (status, again) = try await client.call("SendTaskSuccess", ["taskToken": .string(token), "output": "{}"])
            #expect(status == 400)
            #expect(awsError(again).type == "\(Self.model)TaskDoesNotExist")
        }
    }

    @Test("SendTaskFailure fails the execution with its error and cause")
    func failure() async throws {
        try await withService { service in
            let (arn, token) = try await Self.startWaiting(service.client, name: "no")
            _ = try await service.client.ok("SendTaskFailure", ["taskToken": .string(token), "error": "Declined", "cause": "expired"])
            let description = try await service.client.finished(arn)
            #expect(description["status"] == "FAILED")
            #expect(description["error"] == "Declined")
            #expect(description["cause"] == "expired")
        }
    }

    @Test("Unknown tokens are InvalidToken, bad output is InvalidOutput, an empty token is a ValidationException")
    func errors() async throws {
        try await withService { service in
            let client = service.client
            let (_, unknown) = try await client.call("SendTaskSuccess", ["taskToken": "not-a-token", "output": "{}"])
            #expect(awsError(unknown) == ("\(Self.model)InvalidToken", "Invalid Token: 'Invalid token'"))
            let (_, heartbeat) = try await client.call("SendTaskHeartbeat", ["taskToken": "arn:aws:states:us-east-1:1:execution:a:b#1"])
            #expect(awsError(heartbeat).type == "\(Self.model)InvalidToken")
            let (_, token) = try await Self.startWaiting(client, name: "bad")
            let (_, badJSON) = try await client.call("SendTaskSuccess", ["taskToken": .string(token), "output": "{nope"])
            #expect(awsError(badJSON).type == "\(Self.model)InvalidOutput")
            let (_, empty) = try await client.call("SendTaskFailure", ["taskToken": ""])
            #expect(awsError(empty).type == "com.amazon.coral.validate#ValidationException")
        }
    }

    @Test("A token stays valid across a restart of the service, and its callback completes the resumed execution")
    func restart() async throws {
        let first = try await TestService.start()
        let (arn, token) = try await Self.startWaiting(first.client, name: "durable")
        try await first.stop()
        let second = try await TestService.start(directory: first.directory)
        _ = try await second.client.ok("SendTaskSuccess", ["taskToken": .string(token), "output": #""after restart""#])
        let description = try await second.client.finished(arn)
        #expect(description["output"] == #""after restart""#)
        try await second.stop()
    }
}
