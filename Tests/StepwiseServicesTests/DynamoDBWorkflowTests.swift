import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("DynamoDB through workflows", .timeLimit(.minutes(3)))
struct DynamoDBWorkflowTests {
    static let createTable = """
        "Create": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:createTable", "ResultPath": null, "Next": "NEXT",
          "Parameters": {"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "uid", "KeyType": "HASH"}],
                         "AttributeDefinitions": [{"AttributeName": "uid", "AttributeType": "S"}]}}
        """

    /// Runs `definition` on a virtual-clock runtime whose local services use a fresh data directory.
    func run(_ definition: String, input: JSON) async throws -> FinishedRun {
        let directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        return try await TestSupport.run(definition, input: input) { runtime in
            runtime.add(LocalServices(dataDirectory: directory, services: [DynamoDB(dataDirectory: directory)]), tier: .services)
        }
    }

    @Test("putItem with a condition twice: the second fails with ConditionalCheckFailedException and is caught")
    func conditionalPutTwice() async throws {
        let put = """
                {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
                 "Parameters": {"TableName": "Orders", "Item": {"uid": {"S.$": "$.uid"}}, "ConditionExpression": "attribute_not_exists(uid)"}
            """
        let run = try await run(
            """
            {"StartAt": "Create", "States": {
              \(Self.createTable.replacingOccurrences(of: "NEXT", with: "First")),
              "First": \(put), "ResultPath": "$.first", "Next": "Second"},
              "Second": \(put), "ResultPath": "$.second", "Next": "Unexpected",
                "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"], "ResultPath": "$.error", "Next": "Duplicate"}]},
              "Duplicate": {"Type": "Pass", "End": true},
              "Unexpected": {"Type": "Fail", "Error": "Unexpected"}}}
            """, input: ["uid": "u-1"])
        #expect(run.result.status == .succeeded)
        #expect(
            run.result.output == [
                "uid": "u-1", "first": [:],
                "error": ["Error": "DynamoDB.ConditionalCheckFailedException", "Cause": "The conditional request failed"],
            ])
    }

    @Test("A Map of putItem Tasks writes every item; a counter updated by each iteration is exact")
    func mapOfPuts() async throws {
        let run = try await run(
            """
            {"StartAt": "Create", "States": {
              \(Self.createTable.replacingOccurrences(of: "NEXT", with: "Each")),
              "Each": {"Type": "Map", "ItemsPath": "$.ids", "MaxConcurrency": 0, "ResultPath": null, "Next": "Count",
                "ItemProcessor": {"StartAt": "Put", "States": {
                  "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Next": "Bump",
                    "Parameters": {"TableName": "Orders", "Item": {"uid": {"S.$": "States.Format('u-{}', $)"}}, "ConditionExpression": "attribute_not_exists(uid)"}},
                  "Bump": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:updateItem", "End": true,
                    "Parameters": {"TableName": "Orders", "Key": {"uid": {"S": "counter"}}, "UpdateExpression": "ADD hits :one",
                                   "ExpressionAttributeValues": {":one": {"N": "1"}}}}}}},
              "Count": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem", "End": true,
                "Parameters": {"TableName": "Orders", "Key": {"uid": {"S": "counter"}}}, "OutputPath": "$.Item.hits.N"}}}
            """, input: ["ids": .array((0..<100).map { .int($0) })])
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == "100")
    }
}
