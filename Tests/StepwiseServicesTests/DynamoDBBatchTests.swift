import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB BatchWriteItem and BatchGetItem", .timeLimit(.minutes(3)))
struct DynamoDBBatchTests {
    @Test("BatchWriteItem puts and deletes across tables and answers empty UnprocessedItems")
    func batchWrite() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "old"}}"#)
        let response = try await dynamo.call(
            "batchWriteItem",
            """
            {"RequestItems": {
              "Users": [{"PutRequest": {"Item": {"id": {"S": "a"}}}}, {"PutRequest": {"Item": {"id": {"S": "b"}}}},
                        {"DeleteRequest": {"Key": {"id": {"S": "old"}}}}],
              "Events": [{"PutRequest": {"Item": {"pk": {"S": "p"}, "sk": {"N": "1"}}}}]}}
            """)
        #expect(response == ["UnprocessedItems": [:]])
        #expect(try await dynamo.call("scan", #"{"TableName": "Users", "Select": "COUNT"}"#)["Count"] == 2)
        #expect(try await dynamo.get(#"{"id": {"S": "old"}}"#) == nil)
        #expect(try await dynamo.get(#"{"pk": {"S": "p"}, "sk": {"N": "1"}}"#, from: "Events") != nil)
    }

    @Test("BatchWriteItem errors: duplicates, over 25 requests, a missing table, a bad key; nothing is written")
    func batchWriteErrors() async throws {
        let dynamo = try await DynamoFixture()
        let duplicate = try await dynamo.error(
            "batchWriteItem",
            """
            {"RequestItems": {"Users": [{"PutRequest": {"Item": {"id": {"S": "a"}}}}, {"DeleteRequest": {"Key": {"id": {"S": "a"}}}}]}}
            """)
        #expect(duplicate == DynamoFixture.validation("One or more parameter values were invalid: Provided list of item keys contains duplicates"))
        let many = (0..<26).map { #"{"PutRequest": {"Item": {"id": {"S": "\#($0)"}}}}"# }.joined(separator: ",")
        let tooMany = try await dynamo.error("batchWriteItem", #"{"RequestItems": {"Users": [\#(many)]}}"#)
        #expect(tooMany?.name == "DynamoDB.ValidationException")
        #expect(tooMany?.cause.contains("Member must have length less than or equal to 25") == true)
        let missing = try await dynamo.error(
            "batchWriteItem",
            #"{"RequestItems": {"Users": [{"PutRequest": {"Item": {"id": {"S": "x"}}}}], "Nope": [{"PutRequest": {"Item": {"id": {"S": "a"}}}}]}}"#)
        #expect(missing == StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found"))
        #expect(try await dynamo.get(#"{"id": {"S": "x"}}"#) == nil)
    }

    @Test("BatchGetItem returns found items per table with projections and empty UnprocessedKeys")
    func batchGet() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}, "v": {"N": "1"}, "w": {"N": "2"}}"#)
        try await dynamo.put(#"{"pk": {"S": "p"}, "sk": {"N": "1"}}"#, into: "Events")
        let response = try await dynamo.call(
            "batchGetItem",
            """
            {"RequestItems": {"Users": {"Keys": [{"id": {"S": "a"}}, {"id": {"S": "missing"}}], "ProjectionExpression": "#v", "ExpressionAttributeNames": {"#v": "v"}},
                              "Events": {"Keys": [{"pk": {"S": "p"}, "sk": {"N": "1"}}], "ConsistentRead": true}}}
            """)
        #expect(
            response
                == DynamoFixture.json(
                    """
                    {"Responses": {"Users": [{"v": {"N": "1"}}], "Events": [{"pk": {"S": "p"}, "sk": {"N": "1"}}]}, "UnprocessedKeys": {}}
                    """))
        let keys = (0..<101).map { #"{"id": {"S": "\#($0)"}}"# }.joined(separator: ",")
        #expect(
            try await dynamo.error("batchGetItem", #"{"RequestItems": {"Users": {"Keys": [\#(keys)]}}}"#)
                == DynamoFixture.validation("Too many items requested for the BatchGetItem call"))
        #expect(
            try await dynamo.error("batchGetItem", #"{"RequestItems": {"Users": {"Keys": [{"id": {"S": "a"}}, {"id": {"S": "a"}}]}}}"#)
                == DynamoFixture.validation("One or more parameter values were invalid: Provided list of item keys contains duplicates"))
    }
}
