import Foundation
import Synchronization

/// One shared SQLite connection to a services file (`dynamodb.sqlite`, …), safe to use from many tasks.
///
/// An actor on its own serial dispatch queue: calls are serialized (one writer, as SQLite wants) and their
/// blocking I/O never runs on the cooperative pool. ``shared(path:schema:)`` hands out one instance per file,
/// so every service object on the same data directory shares one connection. Failures are ``SQLiteError``s.
///
/// ```swift
/// let database = try SQLiteDatabase.shared(path: url.path, schema: "CREATE TABLE IF NOT EXISTS t (k TEXT)")
/// try await database.write { connection in try connection.run("INSERT INTO t VALUES (?)", "a") }
/// let keys = try await database.read { connection in try connection.rows("SELECT k FROM t") { $0.text(0) } }
/// ```
package actor SQLiteDatabase {
    private let executor: SerialQueueExecutor
    private let connection: SQLiteConnection

    package nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens `path` in WAL mode with synchronous=NORMAL (a commit survives a process crash without an fsync),
    /// waiting up to 5 s for other processes (`sqlite3`, another `stepwise`) that hold the lock, and runs
    /// `schema` (idempotent SQL such as `CREATE TABLE IF NOT EXISTS`).
    init(path: String, schema: String) throws {
        executor = SerialQueueExecutor(label: "stepwise.sqlite.\(path)")
        connection = try SQLiteConnection(path: path)
        try connection.setBusyTimeout(milliseconds: 5000)
        try connection.switchToWriteAheadLog()
        try connection.execute("PRAGMA synchronous = NORMAL")
        try connection.execute(schema)
    }

    private static let instances = Mutex<[String: SQLiteDatabase]>([:])

    /// The database for `path`, opened on first use and shared afterwards (keyed by the standardized path).
    package static func shared(path: String, schema: String) throws -> SQLiteDatabase {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        return try instances.withLock { instances in
            if let database = instances[key] { return database }
            let database = try SQLiteDatabase(path: key, schema: schema)
            instances[key] = database
            return database
        }
    }

    /// Stops handing out the database for `path` (its files are about to be deleted): the next ``shared(path:schema:)``
    /// opens the file anew. Callers that still hold the old instance finish with it.
    package static func forget(path: String) {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        _ = instances.withLock { $0.removeValue(forKey: key) }
    }

    /// Runs `body` with the connection, outside any explicit transaction (each statement is atomic alone).
    package func read<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try body(connection)
    }

    /// Runs `body` in one write transaction: it commits when `body` returns and rolls back when it throws,
    /// so a check and the write that depends on it are atomic.
    package func write<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try connection.transaction { try body(connection) }
    }
}
