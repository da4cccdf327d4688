import Foundation
import Synchronization

/// An SQLite file shared by concurrent tasks: a lock around one connection, opened on first use.
///
/// Opening lazily means a data directory gets no files until a workflow actually uses the service.
final class SQLFile: Sendable {
    let path: String
    private let setup: String
    private let connection = Mutex<EmbeddedSQL?>(nil)

    /// A file at `path` whose schema `setup` (idempotent SQL such as `CREATE TABLE IF NOT EXISTS`) runs on open.
    init(path: String, setup: String = "") {
        self.path = path
        self.setup = setup
    }

    /// Runs `body` with the connection, opening it (and creating its folder) first if needed.
    @discardableResult
    func with<T: Sendable>(_ body: (EmbeddedSQL) throws -> T) throws -> T {
        try connection.withLock { connection in
            if connection == nil {
                let folder = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let opened = try EmbeddedSQL(path: path)
                if !setup.isEmpty { try opened.execute(setup) }
                connection = opened
            }
            return try body(connection!)
        }
    }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE`), committed when it returns and rolled back when it throws.
    @discardableResult
    func transaction<T: Sendable>(_ body: (EmbeddedSQL) throws -> T) throws -> T {
        try with { sql in try sql.connection.transaction { try body(sql) } }
    }
}
