import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("Local services in a workflow", .timeLimit(.minutes(3)))
struct DataWorkflowTests {
    /// Creates a bucket, puts and gets an object, then fails on a missing key and rolls back (deletes the object
    /// and the bucket) in its Catch.
    static let definition = """
        {
          "StartAt": "CreateBucket",
          "States": {
            "CreateBucket": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:createBucket",
              "Parameters": {"Bucket": "staging"}, "ResultPath": null, "Next": "Put"},
            "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
              "Parameters": {"Bucket": "staging", "Key": "in/order.json", "Body.$": "States.JsonToString($.order)"},
              "ResultPath": "$.put", "Next": "Get"},
            "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
              "Parameters": {"Bucket": "staging", "Key": "in/order.json"},
              "ResultSelector": {"order.$": "States.StringToJson($.Body)", "etag.$": "$.ETag"}, "ResultPath": "$.got", "Next": "Missing"},
            "Missing": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
              "Parameters": {"Bucket": "staging", "Key": "not-there.json"},
              "Catch": [{"ErrorEquals": ["S3.NoSuchKeyException"], "ResultPath": "$.error", "Next": "RemoveObject"}], "End": true},
            "RemoveObject": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:deleteObject",
              "Parameters": {"Bucket": "staging", "Key": "in/order.json"}, "ResultPath": null, "Next": "RemoveBucket"},
            "RemoveBucket": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:deleteBucket",
              "Parameters": {"Bucket": "staging"}, "ResultPath": null, "Next": "RolledBack"},
            "RolledBack": {"Type": "Pass", "End": true}
          }
        }
        """

    @Test func createPutGetAndRollBack() async throws {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        let runtime = Runtime(clock: .virtual)
        runtime.add(LocalServices.defaults(for: directory), tier: .services)
        let machine = try StateMachine(text: Self.definition, name: "staging")
        let execution = try await runtime.start(machine, input: ["order": ["id": 7]])
        let result = await execution.result
        #expect(result.status == .succeeded)
        let output = try #require(result.output)
        #expect(output["got"]?["order"] == ["id": 7])
        #expect(output["got"]?["etag"] == output["put"]?["ETag"])
        #expect(output["error"]?["Error"] == "S3.NoSuchKeyException")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("s3/staging").path))
    }

    @Test func unsupportedActionsAreLeftToTheStartTimeReport() throws {
        let services = LocalServices.defaults(for: DataDirectory(path: try TestSupport.temporaryDirectory().path))
        let reference = { (resource: String) in TaskReference(resource: resource, stateName: "S", stateMachineName: "M") }
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:s3:getObject")) != nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:rdsdata:executeStatement")) != nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:databasemigration:createReplicationTask")) != nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:eventbridge:putRule")) != nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:glue:startCrawler")) != nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:s3:putBucketPolicy")) == nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:glue:startJobRun")) == nil)
        #expect(services.handler(for: reference("arn:aws:states:::s3:getObject")) == nil)
        #expect(services.handler(for: reference("arn:aws:states:::aws-sdk:sqs:sendMessage")) == nil)
    }

    @Test func nothingIsWrittenUntilAServiceIsCalled() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("unused").path
        _ = LocalServices.defaults(for: DataDirectory(path: path))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
