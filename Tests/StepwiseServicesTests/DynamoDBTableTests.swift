import Foundation
import JSON
import Stepwise
import StepwiseSQLite
import Testing

@testable import StepwiseServices

@Suite("DynamoDB table lifecycle", .timeLimit(.minutes(3)))
struct DynamoDBTableTests {
    @Test("DescribeTable reports the schema, ACTIVE, item count and ARN; ListTables pages; DeleteTable drops items")
    func lifecycle() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}}"#)
        let table = try await dynamo.call("describeTable", #"{"TableName": "Users"}"#)["Table"]
        #expect(table?["TableStatus"] == "ACTIVE")
        #expect(table?["ItemCount"] == 1)
        #expect(table?["KeySchema"] == DynamoFixture.json(#"[{"AttributeName": "id", "KeyType": "HASH"}]"#))
        #expect(table?["AttributeDefinitions"] == DynamoFixture.json(#"[{"AttributeName": "id", "AttributeType": "S"}]"#))
        #expect(table?["TableArn"] == "arn:aws:dynamodb:us-east-1:123456789012:table/Users")
        #expect(table?["BillingModeSummary"]?["BillingMode"] == "PAY_PER_REQUEST")
        #expect(try await dynamo.call("listTables", "{}") == ["TableNames": ["Events", "Users"]])
        #expect(try await dynamo.call("listTables", #"{"Limit": 1}"#) == ["TableNames": ["Events"], "LastEvaluatedTableName": "Events"])
        #expect(try await dynamo.call("listTables", #"{"ExclusiveStartTableName": "Events"}"#) == ["TableNames": ["Users"]])
        let deleted = try await dynamo.call("deleteTable", #"{"TableName": "Users"}"#)
        #expect(deleted["TableDescription"]?["TableStatus"] == "DELETING")
        #expect(
            try await dynamo.error("describeTable", #"{"TableName": "Users"}"#)
                == StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found: Table: Users not found"))
        _ = try await dynamo.call(
            "createTable",
            """
            {"TableName": "Users", "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
             "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}
            """)
        #expect(try await dynamo.get(#"{"id": {"S": "a"}}"#) == nil)
    }

    @Test("The SQLite file is readable: a tables table with the key schema, an items table with AttributeValue JSON")
    func sqliteLayout() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}, "n": {"N": "1.50"}}"#)
        let path = try dynamo.directory.file("dynamodb.sqlite").path
        #expect(FileManager.default.fileExists(atPath: path))
        let database = try SQLiteDatabase.shared(path: path, schema: ItemStore.schema)
        let rows = try await database.read { connection in
            try connection.rows("SELECT table_name, pk, sk, item FROM items") { [$0.text(0), $0.text(1), $0.text(2), $0.text(3)] }
        }
        #expect(rows == [["Users", "a", "", #"{"id":{"S":"a"},"n":{"N":"1.5"}}"#]])
        let schema = try await database.read { connection in
            try connection.rows("SELECT key_schema FROM tables WHERE name = 'Users'") { $0.text(0) }
        }
        #expect(schema == [#"[{"AttributeName":"id","KeyType":"HASH"}]"#])
    }

    @Test("CreateTable errors: table exists, undefined key attribute, extra definitions, bad names, missing throughput")
    func createErrors() async throws {
        let dynamo = try await DynamoFixture()
        let create = { (name: String, keys: String, definitions: String) in
            try await dynamo.error(
                "createTable",
                """
                {"TableName": "\(name)", "BillingMode": "PAY_PER_REQUEST", "KeySchema": \(keys), "AttributeDefinitions": \(definitions)}
                """)
        }
        let hash = #"[{"AttributeName": "id", "KeyType": "HASH"}]"#
        #expect(
            try await create("Users", hash, #"[{"AttributeName": "id", "AttributeType": "S"}]"#)
                == StatesError("DynamoDB.ResourceInUseException", "Table already exists: Users"))
        #expect(
            try await create("T1x", hash, #"[{"AttributeName": "other", "AttributeType": "S"}]"#)
                == DynamoFixture.validation(
                    "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [other]"
                ))
        #expect(
            try await create("T1x", hash, #"[{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "x", "AttributeType": "S"}]"#)
                == DynamoFixture.validation(
                    "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
                ))
        #expect(
            try await create("ab", hash, #"[{"AttributeName": "id", "AttributeType": "S"}]"#)
                == DynamoFixture.validation(
                    "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"
                ))
        #expect(
            try await dynamo.error(
                "createTable",
                """
                {"TableName": "Prov", "KeySchema": \(hash), "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}
                """)
                == DynamoFixture.validation(
                    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                ))
        #expect(
            try await dynamo.error("deleteTable", #"{"TableName": "Nope"}"#)
                == StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found: Table: Nope not found"))
    }
}
