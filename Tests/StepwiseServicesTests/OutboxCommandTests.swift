import Foundation
import JSON
import StepwiseTesting
import Testing

/// The built `stepwise` binary: a secret seeded by `stepwise data seed`, read by a workflow that notifies through
/// SNS and EventBridge, and the outbox printed by `stepwise data outbox` — three processes, one data directory.
@Suite("stepwise data outbox (built binary)", .timeLimit(.minutes(3)))
struct OutboxCommandTests {
    static let workflow = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Secret",
          "States": {
            "Secret": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
              "Arguments": {"SecretId": "deploy/webhook"}, "Assign": {"token": "{% $parse($states.result.SecretString).token %}"},
              "Next": "Notify"},
            "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
              "Arguments": {"TopicArn": "arn:aws:sns:us-east-1:123456789012:deployments", "Message": "{% 'deployed with ' & $token %}"},
              "Next": "Event"},
            "Event": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
              "Arguments": {"Entries": [{"Source": "deploy", "DetailType": "Deployed", "Detail": {"ok": true}}]}, "End": true}
          }
        }
        """

    @Test func aSeededSecretFeedsANotificationThatTheOutboxPrints() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let data = folder.appendingPathComponent("data").path
        let seed: JSON = ["secrets": [["name": "deploy/webhook", "value": ["token": "t-123"]]]]
        try seed.serialized().write(to: folder.appendingPathComponent("seed.json"), atomically: true, encoding: .utf8)
        try Self.workflow.write(to: folder.appendingPathComponent("deploy.asl.json"), atomically: true, encoding: .utf8)

        let seeded = try await TestSupport.execute(["data", "seed", "--seed", "seed.json", "--data-dir", data], in: folder, label: "seed")
        #expect(seeded.status == 0)
        #expect(seeded.stdout.contains("  created    secret:deploy/webhook\n"))
        let run = try await TestSupport.execute(["run", "deploy.asl.json", "--data-dir", data, "--no-seed"], in: folder, label: "run")
        #expect(run.status == 0)

        let printed = try await TestSupport.execute(["data", "outbox", "--json", "--data-dir", data], in: folder, label: "outbox")
        #expect(printed.status == 0)
        let messages = try #require(try JSON(parsing: printed.stdout)["messages"]?.arrayValue)
        #expect(messages.map { $0["service"] } == ["sns", "events"])
        #expect(messages[0]["request"]?["Message"] == "deployed with t-123")
        #expect(messages[0]["executionArn"]?.stringValue?.hasPrefix("arn:aws:states:us-east-1:123456789012:execution:deploy:") == true)
        #expect(messages[1]["request"]?["Detail"] == #"{"ok":true}"#)

        // Read again by another process: the same messages, in the same order.
        let again = try await TestSupport.execute(["data", "outbox", "--json", "--data-dir", data], in: folder, label: "again")
        #expect(again.stdout == printed.stdout)
        let events = try await TestSupport.execute(["data", "outbox", "--service", "events", "--data-dir", data], in: folder, label: "events")
        #expect(events.stdout.hasPrefix("Outbox of \(URL(fileURLWithPath: data).standardizedFileURL.path): 1 message(s)\n#2  events putEvents  "))
    }
}
