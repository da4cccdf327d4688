import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB PutItem, GetItem, DeleteItem", .timeLimit(.minutes(3)))
struct DynamoDBItemTests {
    @Test("PutItem answers {} and replaces a whole item; ALL_OLD returns the replaced item")
    func putReplaces() async throws {
        let dynamo = try await DynamoFixture()
        let first = try await dynamo.call("putItem", #"{"TableName": "Users", "Item": {"id": {"S": "a"}, "v": {"N": "1"}}}"#)
        #expect(first == [:])
        let second = try await dynamo.call(
            "putItem",
            """
            {"TableName": "Users", "Item": {"id": {"S": "a"}, "w": {"N": "2"}}, "ReturnValues": "ALL_OLD"}
            """)
        #expect(second == DynamoFixture.json(#"{"Attributes": {"id": {"S": "a"}, "v": {"N": "1"}}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "a"}}"#) == DynamoFixture.json(#"{"id": {"S": "a"}, "w": {"N": "2"}}"#))
    }

    @Test("GetItem answers {} for a missing item and applies ProjectionExpression with names")
    func getItem() async throws {
        let dynamo = try await DynamoFixture()
        #expect(try await dynamo.call("getItem", #"{"TableName": "Users", "Key": {"id": {"S": "none"}}}"#) == [:])
        try await dynamo.put(#"{"id": {"S": "a"}, "name": {"S": "Ann"}, "status": {"S": "x"}, "m": {"M": {"k": {"N": "1"}, "j": {"N": "2"}}}}"#)
        let projected = try await dynamo.call(
            "getItem",
            """
            {"TableName": "Users", "Key": {"id": {"S": "a"}}, "ProjectionExpression": "#s, m.k", "ExpressionAttributeNames": {"#s": "status"},
             "ConsistentRead": true}
            """)
        #expect(projected == DynamoFixture.json(#"{"Item": {"status": {"S": "x"}, "m": {"M": {"k": {"N": "1"}}}}}"#))
    }

    @Test("DeleteItem removes the item; ALL_OLD returns it; deleting a missing item answers {}")
    func deleteItem() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}, "v": {"N": "1"}}"#)
        let deleted = try await dynamo.call("deleteItem", #"{"TableName": "Users", "Key": {"id": {"S": "a"}}, "ReturnValues": "ALL_OLD"}"#)
        #expect(deleted == DynamoFixture.json(#"{"Attributes": {"id": {"S": "a"}, "v": {"N": "1"}}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "a"}}"#) == nil)
        #expect(try await dynamo.call("deleteItem", #"{"TableName": "Users", "Key": {"id": {"S": "a"}}}"#) == [:])
    }

    @Test("Key errors: missing key, type mismatch, empty key, key not matching the schema")
    func keyErrors() async throws {
        let dynamo = try await DynamoFixture()
        let put = { (item: String) in try await dynamo.error("putItem", #"{"TableName": "Events", "Item": \#(item)}"#) }
        #expect(
            try await put(#"{"pk": {"S": "a"}}"#)
                == DynamoFixture.validation("One or more parameter values were invalid: Missing the key sk in the item"))
        #expect(
            try await put(#"{"pk": {"S": "a"}, "sk": {"S": "1"}}"#)
                == DynamoFixture.validation("One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S"))
        #expect(
            try await put(#"{"pk": {"S": ""}, "sk": {"N": "1"}}"#)
                == DynamoFixture.validation(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"
                ))
        let get = try await dynamo.error("getItem", #"{"TableName": "Events", "Key": {"pk": {"S": "a"}}}"#)
        #expect(get == DynamoFixture.validation("The provided key element does not match the schema"))
        let extra = try await dynamo.error("deleteItem", #"{"TableName": "Users", "Key": {"id": {"S": "a"}, "x": {"S": "b"}}}"#)
        #expect(extra == DynamoFixture.validation("The provided key element does not match the schema"))
    }

    @Test("A missing table is ResourceNotFoundException; bad ReturnValues and missing members are ValidationException")
    func requestErrors() async throws {
        let dynamo = try await DynamoFixture()
        let missing = StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found")
        #expect(try await dynamo.error("putItem", #"{"TableName": "Nope", "Item": {"id": {"S": "a"}}}"#) == missing)
        #expect(try await dynamo.error("getItem", #"{"TableName": "Nope", "Key": {"id": {"S": "a"}}}"#) == missing)
        #expect(
            try await dynamo.error("putItem", #"{"TableName": "Users", "Item": {"id": {"S": "a"}}, "ReturnValues": "ALL_NEW"}"#)
                == DynamoFixture.validation("Return values set to invalid value"))
        #expect(
            try await dynamo.error("putItem", #"{"TableName": "Users"}"#)
                == DynamoFixture.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null")
        )
    }

    @Test("Legacy parameters are rejected, not ignored (an ignored Expected would make a conditional put unconditional)")
    func legacyParameters() async throws {
        let dynamo = try await DynamoFixture()
        let error = try await dynamo.error("putItem", #"{"TableName": "Users", "Item": {"id": {"S": "a"}}, "Expected": {"id": {"Exists": false}}}"#)
        #expect(error?.name == "DynamoDB.ValidationException")
        #expect(error?.cause.hasPrefix("The legacy parameter Expected is not supported") == true)
        #expect(try await dynamo.get(#"{"id": {"S": "a"}}"#) == nil)
    }

    @Test("Unknown actions fail with UnknownOperationException; the integrations offer the documented actions")
    func actions() async throws {
        let dynamo = try await DynamoFixture()
        #expect(try await dynamo.error("executeStatement", "{}")?.name == "DynamoDB.UnknownOperationException")
        #expect(dynamo.dynamo.supports("putItem", sdk: false) && !dynamo.dynamo.supports("query", sdk: false))
        #expect(dynamo.dynamo.supports("query", sdk: true) && dynamo.dynamo.supports("listTables", sdk: true))
        #expect(dynamo.dynamo.supports("transactWriteItems", sdk: true) && !dynamo.dynamo.supports("transactWriteItems", sdk: false))
        #expect(!dynamo.dynamo.supports("executeStatement", sdk: true))
    }

    @Test("Items over 400 KB are rejected")
    func itemSize() async throws {
        let dynamo = try await DynamoFixture()
        let big = String(repeating: "x", count: 410_000)
        #expect(
            try await dynamo.error("putItem", #"{"TableName": "Users", "Item": {"id": {"S": "a"}, "v": {"S": "\#(big)"}}}"#)
                == DynamoFixture.validation("Item size has exceeded the maximum allowed size"))
    }
}
