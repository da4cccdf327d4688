import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// The error a body throws, as `name: cause`, or nil.
func thrownError(_ body: () throws -> Any) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        return "\(error)"
    }
}

@Suite("Notification outbox", .timeLimit(.minutes(3)))
struct OutboxTests {
    /// SNS (optimized and SDK), SES v2, EventBridge events (optimized and SDK), each answered with its id.
    static let definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Notify",
          "States": {
            "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Arguments": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:deployments", "Subject": "Deployed",
                "Message": {"stack": "api", "status": "OK"},
                "MessageAttributes": {"env": {"DataType": "String", "StringValue": "prod"}}},
              "Assign": {"sns": "{% $states.result.MessageId %}"}, "Next": "SdkNotify"},
            "SdkNotify": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:publish",
              "Arguments": {"PhoneNumber": "+15555550100", "Message": "rolled back"}, "Next": "Email"},
            "Email": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sesv2:sendEmail",
              "Arguments": {"FromEmailAddress": "ci@example.com", "Destination": {"ToAddresses": ["ops@example.com"]},
                "Content": {"Simple": {"Subject": {"Data": "Deployed"}, "Body": {"Text": {"Data": "api is up"}}}}},
              "Assign": {"ses": "{% $states.result.MessageId %}"}, "Next": "Event"},
            "Event": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
              "Arguments": {"Entries": [{"Source": "deploy", "DetailType": "Deployed", "Detail": {"stack": "api"}}]},
              "Assign": {"event": "{% $states.result %}"}, "Next": "SdkEvent"},
            "SdkEvent": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:eventbridge:putEvents",
              "Arguments": {"Entries": [{"Source": "deploy", "DetailType": "Deployed", "Detail": "{\\"n\\": 2}"},
                {"Source": "deploy", "DetailType": "Deployed"}]},
              "Output": {"sns": "{% $sns %}", "ses": "{% $ses %}", "event": "{% $event %}", "sdkEvent": "{% $states.result %}"}, "End": true}
          }
        }
        """

    @Test func eachServiceRecordsItsMessagesInOrderWithTheExecution() async throws {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let runtime = Runtime(clock: .virtual)
        runtime.add(LocalServices.defaults(for: directory), tier: .services)
        let machine = try StateMachine(text: Self.definition, name: "deploy")
        let execution = try await runtime.start(machine, input: [:], name: "d1")
        let result = await execution.result
        #expect(result.status == .succeeded, "\(result.error ?? ""): \(result.cause ?? "")")
        let output = try #require(result.output)
        let messages = try Outbox(dataDirectory: directory).messages()
        #expect(messages.map(\.service) == ["sns", "sns", "ses", "events", "events"])
        #expect(messages.map(\.action) == ["publish", "publish", "sendEmail", "putEvents", "putEvents"])
        #expect(messages.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(messages.allSatisfy { $0.executionArn == "arn:aws:states:us-east-1:123456789012:execution:deploy:d1" })
        #expect(messages.map(\.stateName) == ["Notify", "SdkNotify", "Email", "Event", "SdkEvent"])
        #expect(output["sns"] == .string(messages[0].messageId))
        #expect(output["ses"] == .string(messages[2].messageId))
        #expect(messages[0].request["Message"] == #"{"stack":"api","status":"OK"}"#)
        #expect(messages[0].request["Subject"] == "Deployed")
        #expect(messages[0].request["MessageAttributes"]?["env"]?["StringValue"] == "prod")
        #expect(messages[1].request["PhoneNumber"] == "+15555550100")
        #expect(messages[2].request["Destination"]?["ToAddresses"] == ["ops@example.com"])
        // The optimized integration sends Detail as text and adds the execution and state machine to Resources.
        #expect(messages[3].request["Detail"] == #"{"stack":"api"}"#)
        #expect(
            messages[3].request["Resources"] == [
                "arn:aws:states:us-east-1:123456789012:execution:deploy:d1", "arn:aws:states:us-east-1:123456789012:stateMachine:deploy",
            ])
        #expect(output["event"] == ["Entries": [["EventId": .string(messages[3].messageId)]], "FailedEntryCount": 0])
        // The SDK answers a failed entry in the response; only the good one is recorded.
        #expect(
            output["sdkEvent"] == [
                "Entries": [
                    ["EventId": .string(messages[4].messageId)],
                    ["ErrorCode": "InvalidArgument", "ErrorMessage": "Parameter Detail is not valid. Reason: Detail is a required argument."],
                ],
                "FailedEntryCount": 1,
            ])

        // Read again from the files, as after a restart: the same messages, nothing added.
        #expect(try Outbox(dataDirectory: DataDirectory(path: directory.url.path)).messages() == messages)
        #expect(try Outbox(dataDirectory: directory).messages(service: "ses").map(\.messageId) == [messages[2].messageId])
        #expect(try DataInventory.read(directory).outbox == messages)
    }

    @Test func theOptimizedPutEventsFailsOnAFailedEntry() async throws {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let runtime = Runtime(clock: .virtual)
        runtime.add(LocalServices.defaults(for: directory), tier: .services)
        let definition = """
            {"StartAt": "E", "States": {"E": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
              "Parameters": {"Entries": [{"Source": "s", "DetailType": "t", "Detail": "not json"}]}, "End": true}}}
            """
        let result = await (try runtime.start(try StateMachine(text: definition, name: "events"), input: [:])).result
        #expect(result.status == .failed)
        #expect(result.error == "EventBridge.FailedEntry")
        #expect(result.cause == #"1 of 1 entries failed: [{"ErrorCode":"MalformedDetail","ErrorMessage":"Detail is malformed."}]"#)
        #expect(try Outbox(dataDirectory: directory).messages().isEmpty)
    }

    @Test func badRequestsFailWithTheServicesErrors() throws {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let outbox = Outbox(dataDirectory: directory)
        let sns = SNSService(outbox: outbox)
        let topic: JSON = "arn:aws:sns:us-east-1:123456789012:alerts"
        #expect(
            thrownError { try sns.publish(["Message": "m"], sdk: true, context: nil) }
                == "SNS.InvalidParameterException: Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter")
        #expect(
            thrownError { try sns.publish(["TopicArn": topic], sdk: true, context: nil) }
                == "SNS.InvalidParameterException: Invalid parameter: Empty message")
        #expect(
            thrownError { try sns.publish(["TopicArn": "alerts", "Message": "m"], sdk: true, context: nil) }
                == "SNS.InvalidParameterException: Invalid parameter: TopicArn")
        #expect(
            thrownError { try sns.publish(["TopicArn": topic, "Message": ["a": 1]], sdk: true, context: nil) }
                == "SNS.InvalidParameterException: Invalid parameter: Message Reason: must be a string, not object")
        #expect(
            thrownError {
                try sns.publish(["TopicArn": topic, "Message": "m", "MessageAttributes": ["k": ["StringValue": "v"]]], sdk: true, context: nil)
            }
                == "SNS.InvalidParameterException: Invalid parameter: MessageAttributes Reason: The message attribute 'k' must contain non-empty message attribute type."
        )
        #expect(
            thrownError { try sns.publish(["TopicArn": "arn:aws:sns:us-east-1:123456789012:a.fifo", "Message": "m"], sdk: true, context: nil) }
                == "SNS.InvalidParameterException: Invalid parameter: The MessageGroupId parameter is required for FIFO topics")
        let ses = SESv2Service(outbox: outbox)
        #expect(
            thrownError { try ses.sendEmail(["FromEmailAddress": "a@b.c"], context: nil) }
                == "SesV2.BadRequestException: Missing required parameter: Content")
        #expect(
            thrownError { try ses.sendEmail(["Content": ["Raw": ["Data": "x"], "Simple": [:]]], context: nil) }
                == "SesV2.BadRequestException: Exactly one of Content.Simple, Content.Raw or Content.Template must be specified.")
        #expect(
            thrownError {
                try ses.sendEmail(
                    ["FromEmailAddress": "a@b.c", "Content": ["Simple": ["Subject": ["Data": "s"], "Body": ["Text": ["Data": "t"]]]]], context: nil)
            }
                == "SesV2.BadRequestException: Missing required parameter: Destination (at least one address)")
        #expect(
            thrownError { try ses.sendEmail(["Destination": ["ToAddresses": ["nobody"]], "Content": ["Raw": ["Data": "x"]]], context: nil) }
                == "SesV2.BadRequestException: Illegal address: nobody")
        #expect(
            thrownError { try outbox.putEvents(["Entries": []], sdk: true, context: nil) }
                == "EventBridge.ValidationException: 1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1")
        #expect(try outbox.messages().isEmpty)
        // A raw email needs no sender or destination in the request (they are in the message).
        #expect(try ses.sendEmail(["Content": ["Raw": ["Data": "From: a@b.c\r\n\r\nhi"]]], context: nil)["MessageId"] != nil)
        #expect(try outbox.messages().map(\.service) == ["ses"])
    }

    @Test func theDataCommandListsAndPrintsTheOutbox() async throws {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let outbox = Outbox(dataDirectory: directory)
        let sent = try SNSService(outbox: outbox).publish(
            ["TopicArn": "arn:aws:sns:us-east-1:123456789012:alerts", "Message": "down"], sdk: true, context: nil)
        _ = try outbox.putEvents(["Entries": [["Source": "s", "DetailType": "t", "Detail": "{}"]]], sdk: true, context: nil)
        let listing = await TestSupport.cli("data", "--data-dir", directory.url.path)
        #expect(listing.status == 0)
        #expect(listing.stdout.hasSuffix("Outbox (2 message(s); stepwise data outbox prints them)\n  events  1 message(s)\n  sns  1 message(s)\n"))
        let json = try JSON(parsing: (await TestSupport.cli("data", "--data-dir", directory.url.path, "--json")).stdout)
        #expect(json["outbox"] == ["messages": 2, "services": ["events": 1, "sns": 1]])

        let printed = await TestSupport.cli("data", "outbox", "--service", "sns", "--data-dir", directory.url.path)
        #expect(printed.status == 0)
        let lines = printed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "Outbox of \(directory.url.path): 1 message(s)")
        #expect(lines[1].hasPrefix("#1  sns publish  "))
        #expect(lines[1].hasSuffix("  \(sent["MessageId"]?.stringValue ?? "?")  -"))
        #expect(lines[2] == #"    {"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":"down"}"#)

        let all = try JSON(parsing: (await TestSupport.cli("data", "outbox", "--json", "--data-dir", directory.url.path)).stdout)
        #expect(all["messages"]?.arrayValue?.map { $0["service"] } == ["sns", "events"])
        #expect(all["messages"]?[1]?["request"]?["Source"] == "s")
        #expect(all["messages"]?[0]?["executionArn"] == nil)

        let bad = await TestSupport.cli("data", "outbox", "--service", "sqs", "--data-dir", directory.url.path)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("stepwise data: outbox: --service must be one of sns, ses, events, not 'sqs'"))
        let empty = await TestSupport.cli("data", "outbox", "--data-dir", try TestSupport.temporaryDirectory().path)
        #expect(empty.status == 0)
        #expect(empty.stdout.hasSuffix(": 0 message(s)\n"))
    }
}
