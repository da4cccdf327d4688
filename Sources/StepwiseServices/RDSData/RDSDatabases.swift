import Foundation
import Stepwise
import Synchronization

/// The SQL databases of the RDS Data API: one SQLite file per database name under `<data-dir>/rds/`, a shared
/// autocommit connection each, and one connection per open transaction (kept in memory, by TransactionId).
final class RDSDatabases: Sendable {
    let folder: URL
    private let databases = Mutex<[String: SQLFile]>([:])
    private let transactions = Mutex<[String: SQLFile]>([:])

    init(folder: URL) { self.folder = folder }

    /// The autocommit connection of `database` (the file is created on first use).
    func database(_ name: String) throws -> SQLFile {
        let path = try file(name).path
        return databases.withLock { open in
            if let file = open[name] { return file }
            let file = SQLFile(path: path)
            open[name] = file
            return file
        }
    }

    /// Opens a transaction on its own connection to `database`; returns its id.
    func begin(_ database: String) throws -> String {
        let file = SQLFile(path: try file(database).path, setup: "BEGIN")
        try file.with { _ in }
        let id = Self.newTransactionID()
        transactions.withLock { $0[id] = file }
        return id
    }

    /// The connection of an open transaction; `RdsData.BadRequestException` for an unknown id.
    func transaction(_ id: String) throws -> SQLFile {
        guard let file = transactions.withLock({ $0[id] }) else {
            throw StatesError("RdsData.BadRequestException", "Transaction \(id) is not found")
        }
        return file
    }

    /// Commits or rolls back a transaction and forgets it; `RdsData.NotFoundException` for an unknown id.
    func end(_ id: String, commit: Bool) throws {
        guard let file = transactions.withLock({ $0.removeValue(forKey: id) }) else {
            throw StatesError("RdsData.NotFoundException", "Transaction \(id) is not found")
        }
        try file.with { sql in try sql.execute(commit ? "COMMIT" : "ROLLBACK") }
    }

    /// The file of a database name; names are checked so none leaves the folder.
    func file(_ name: String) throws -> URL {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$-")
        guard (1...64).contains(name.count), name.allSatisfy(allowed.contains) else {
            throw StatesError("RdsData.BadRequestException", "Invalid database name: \(name)")
        }
        return folder.appendingPathComponent("\(name).sqlite")
    }

    /// A TransactionId in the form AWS uses: a long opaque base64 string.
    private static func newTransactionID() -> String {
        let bytes = (0..<48).map { _ in UInt8.random(in: 0...255) }
        return Data(bytes).base64EncodedString()
    }
}
