import Foundation
import JSON
import Stepwise
import StepwiseSQLite

/// The local DynamoDB: tables and items in `<data-dir>/dynamodb.sqlite`, performing Step Functions' DynamoDB
/// integrations (`arn:aws:states:::dynamodb:putItem|getItem|updateItem|deleteItem`) and SDK integrations
/// (`arn:aws:states:::aws-sdk:dynamodb:<action>`) with AWS's request and response shapes and errors.
///
/// ```swift
/// let services = LocalServices(dataDirectory: directory, services: [DynamoDB(dataDirectory: directory)])
/// runtime.add(services, tier: .services)
/// ```
///
/// Every instance on the same data directory shares one SQLite connection; each write action (with its
/// condition check) runs in one transaction, so concurrent conditional writes never race.
package struct DynamoDB: LocalService {
    package let name = "dynamodb"
    package let dataDirectory: DataDirectory
    /// The region and account of table ARNs.
    package let region: String
    package let account: String

    /// The actions of the optimized integration (`arn:aws:states:::dynamodb:<action>`).
    static let optimizedActions: Set<String> = ["putItem", "getItem", "updateItem", "deleteItem"]
    /// The actions of the SDK integration (`arn:aws:states:::aws-sdk:dynamodb:<action>`).
    static let sdkActions: Set<String> = optimizedActions.union([
        "query", "scan", "batchWriteItem", "batchGetItem", "transactWriteItems", "transactGetItems", "createTable", "describeTable", "deleteTable",
        "listTables",
    ])

    package init(dataDirectory: DataDirectory, region: String = "us-east-1", account: String = "123456789012") {
        self.dataDirectory = dataDirectory
        self.region = region
        self.account = account
    }

    package func supports(_ action: String, sdk: Bool) -> Bool {
        (sdk ? Self.sdkActions : Self.optimizedActions).contains(action)
    }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try await perform(action, input: input)
    }

    /// Performs `action` (as written in the ARN: `putItem`, `query`, …) with a PascalCase request and returns
    /// AWS's response; AWS errors are thrown as `StatesError` named `DynamoDB.<Exception>`.
    package func perform(_ action: String, input: JSON) async throws -> JSON {
        do {
            try input.checkNoLegacyMembers()
            return try await dispatch(action, input)
        } catch let error as SQLiteError {
            throw DynamoError.internalFailure(error)
        } catch let error as TransactionCanceled {
            throw error.statesError
        }
    }

    private func dispatch(_ action: String, _ input: JSON) async throws -> JSON {
        switch action {
        case "putItem": try await putItem(input)
        case "getItem": try await getItem(input)
        case "updateItem": try await updateItem(input)
        case "deleteItem": try await deleteItem(input)
        case "query": try await query(input)
        case "scan": try await scan(input)
        case "batchWriteItem": try await batchWriteItem(input)
        case "batchGetItem": try await batchGetItem(input)
        case "transactWriteItems": try await transactWriteItems(input)
        case "transactGetItems": try await transactGetItems(input)
        case "createTable": try await createTable(input)
        case "describeTable": try await describeTable(input)
        case "deleteTable": try await deleteTable(input)
        case "listTables": try await listTables(input)
        default: throw StatesError("DynamoDB.UnknownOperationException", "Unknown operation: \(action)")
        }
    }

    /// The shared connection to `dynamodb.sqlite`, opened (and its schema created) on first use.
    func database() throws -> SQLiteDatabase {
        try SQLiteDatabase.shared(path: dataDirectory.file("dynamodb.sqlite").path, schema: ItemStore.schema)
    }

    /// Runs `body` on the item store in one write transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (ItemStore) throws -> T) async throws -> T {
        try await database().write { try body(ItemStore(connection: $0)) }
    }

    /// Runs `body` on the item store without a transaction (each read statement is consistent alone).
    func read<T: Sendable>(_ body: @escaping @Sendable (ItemStore) throws -> T) async throws -> T {
        try await database().read { try body(ItemStore(connection: $0)) }
    }
}
