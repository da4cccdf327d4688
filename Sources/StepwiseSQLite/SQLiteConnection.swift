import CSQLite
import Foundation

/// One SQLite connection: owns its `sqlite3*`, caches prepared statements by SQL text, closes in `deinit`.
///
/// Not thread-safe and not `Sendable`: a connection lives inside one actor (the store, ``SQLiteDatabase``) whose
/// serial executor is the only thread that touches it (STYLE.md, practices 5 and 8).
package final class SQLiteConnection {
    /// Turns a failure into the error its owner throws: the store maps to `StoreError`, services keep ``SQLiteError``.
    package typealias ErrorMapping = (SQLiteError) -> any Error

    /// The connection. Invariant: non-nil, owned by this object alone, closed exactly once in `deinit`
    /// after every cached statement is finalized.
    package let handle: OpaquePointer
    package let path: String
    /// How every failure of this connection and its statements is thrown.
    package let errors: ErrorMapping
    private var statements: [String: SQLiteStatement] = [:]

    /// How to open the file.
    package enum Mode: Sendable {
        /// Read only; fails if the file does not exist.
        case readOnly
        /// Read and write; creates the file if it does not exist.
        case readWrite
        /// Read only, promising SQLite the file cannot change (no locks, no `-shm`): for a database in a
        /// directory nothing can write, whose WAL index could not be created.
        case immutable
    }

    /// Opens the database at `path`; every failure, this one included, is thrown through `errors`.
    package init(path: String, mode: Mode = .readWrite, errors: @escaping ErrorMapping = { $0 }) throws {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= mode == .readWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        var name = path
        if mode == .immutable {
            flags |= SQLITE_OPEN_URI
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["?", "#"])) ?? path
            name = "file:\(escaped)?immutable=1"
        }
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)  // sqlite3_open_v2 may allocate a handle even on failure.
            throw errors(SQLiteError(code: code, message: "cannot open \(path): \(error.message)"))
        }
        self.handle = handle
        self.path = path
        self.errors = errors
    }

    deinit {
        statements.removeAll()  // finalize first, so the close below is a real close, not a zombie
        sqlite3_close_v2(handle)
    }

    /// The error to throw for a non-OK result code of a call on this connection.
    package func failure(_ code: Int32, sql: String?) -> any Error {
        errors(SQLiteError(code: code, connection: handle, sql: sql))
    }

    /// Runs one or more SQL statements that return no rows and take no parameters (schema, pragmas).
    package func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(code, sql: sql) }
    }

    /// The prepared statement for `sql`, compiled on first use and reused afterwards.
    package func statement(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(connection: handle, sql: sql, errors: errors)
        statements[sql] = statement
        return statement
    }

    /// Runs a query and maps every row.
    package func rows<T>(_ sql: String, _ values: (any SQLBindable)?..., row: (SQLiteStatement) throws -> T) throws -> [T] {
        try statement(sql).rows(values, row)
    }

    /// The first column of the first row as an integer, or nil when there is no row.
    package func int(_ sql: String, _ values: (any SQLBindable)?...) throws -> Int? {
        try statement(sql).rows(values) { $0.isNull(0) ? nil : $0.int(0) }.first ?? nil
    }

    /// Runs a statement that returns no rows; answers how many rows it changed.
    @discardableResult
    package func run(_ sql: String, _ values: (any SQLBindable)?...) throws -> Int {
        let statement = try statement(sql)
        statement.reset()
        defer { statement.reset() }
        try statement.bind(values)
        try statement.step()
        return Int(sqlite3_changes(handle))
    }

    /// Whether the connection cannot write (opened read-only, or the file or its directory is read-only).
    package var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Whether a transaction is open.
    package var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Rows inserted, updated or deleted through this connection since it opened.
    package var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }
}
