import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:rdsdata:<action>`: the RDS Data API on local SQLite databases, one file per
/// `Database` at `<data-dir>/rds/<database>.sqlite` (created on first use; `ResourceArn` and `SecretArn` are
/// accepted and ignored). Without `Database` the database is `default`. SQL errors are
/// `RdsData.BadRequestException` with SQLite's message.
package struct RDSDataService: LocalService {
    package let name = "rdsdata"
    let databases: RDSDatabases

    package init(dataDirectory: DataDirectory) {
        databases = RDSDatabases(folder: dataDirectory.url.appendingPathComponent("rds", isDirectory: true))
    }

    typealias Action = @Sendable (RDSDataService, ServiceRequest) throws -> JSON

    static let actions: [String: Action] = [
        "executeStatement": { try $0.executeStatement($1) }, "batchExecuteStatement": { try $0.batchExecuteStatement($1) },
        "beginTransaction": { try $0.beginTransaction($1) }, "commitTransaction": { try $0.endTransaction($1, commit: true) },
        "rollbackTransaction": { try $0.endTransaction($1, commit: false) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try call(action, input: input)
    }

    /// Performs `action` synchronously.
    func call(_ action: String, input: JSON) throws -> JSON {
        guard let body = Self.actions[action] else { throw StatesError("RdsData.BadRequestException", "Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: "RdsData.BadRequestException"))
    }

    func beginTransaction(_ request: ServiceRequest) throws -> JSON {
        let id = try sqlErrors { try databases.begin(request.string("Database") ?? "default") }
        return ["TransactionId": .string(id)]
    }

    func endTransaction(_ request: ServiceRequest, commit: Bool) throws -> JSON {
        let id = try request.required("TransactionId")
        try sqlErrors { try databases.end(id, commit: commit) }
        return ["TransactionStatus": commit ? "Transaction Committed" : "Rollback Complete"]
    }

    /// Runs `body`, reporting SQLite failures as `RdsData.BadRequestException` with SQLite's message.
    func sqlErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EmbeddedSQLError {
            throw StatesError("RdsData.BadRequestException", "Database error code: \(error.code). Message: \(error.message)")
        }
    }
}
