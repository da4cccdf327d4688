import Foundation
import JSON
import Stepwise
import StepwiseTesting

@testable import StepwiseServices

/// A local DynamoDB on a fresh temporary data directory, with two tables: `Users` (partition key `id`, S) and
/// `Events` (partition key `pk`, S; sort key `sk`, N).
struct DynamoFixture {
    let directory: DataDirectory
    let dynamo: DynamoDB

    init() async throws {
        directory = DataDirectory(path: try TestSupport.temporaryDirectory().path)
        dynamo = DynamoDB(dataDirectory: directory)
        _ = try await call(
            "createTable",
            """
            {"TableName": "Users", "BillingMode": "PAY_PER_REQUEST",
             "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
             "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}]}
            """)
        _ = try await call(
            "createTable",
            """
            {"TableName": "Events", "BillingMode": "PAY_PER_REQUEST",
             "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}]}
            """)
    }

    /// Performs an action with a request written as JSON text.
    func call(_ action: String, _ request: String) async throws -> JSON {
        try await dynamo.perform(action, input: try JSON(parsing: request))
    }

    /// The task error an action fails with, or nil when it succeeds.
    func error(_ action: String, _ request: String) async throws -> StatesError? {
        let input = try JSON(parsing: request)
        do {
            _ = try await dynamo.perform(action, input: input)
            return nil
        } catch let error as StatesError {
            return error
        }
    }

    /// Puts an item given as JSON text into `table`.
    func put(_ item: String, into table: String = "Users") async throws {
        _ = try await call("putItem", #"{"TableName": "\#(table)", "Item": \#(item)}"#)
    }

    /// The item with `key` (JSON text) in `table`, or nil.
    func get(_ key: String, from table: String = "Users") async throws -> JSON? {
        try await call("getItem", #"{"TableName": "\#(table)", "Key": \#(key)}"#)["Item"]
    }

    /// Parses JSON text (for expected values).
    static func json(_ text: String) -> JSON { try! JSON(parsing: text) }

    static func validation(_ message: String) -> StatesError { StatesError("DynamoDB.ValidationException", message) }

    static let conditionFailed = StatesError("DynamoDB.ConditionalCheckFailedException", "The conditional request failed")
}
