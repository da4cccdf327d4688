import CSQLite
import Foundation

/// One SQLite connection: owns its `sqlite3*`, caches prepared statements by SQL text, closes in `deinit`.
///
/// Not thread-safe and not `Sendable`: a connection lives inside one ``Store`` actor, whose serial executor is
/// the only thread that touches it (STYLE.md, practice 8).
final class Database {
    /// The connection. Invariant: non-nil, owned by this object alone, closed exactly once in `deinit`
    /// after every cached statement is finalized.
    let handle: OpaquePointer
    let path: String
    private var statements: [String: Statement] = [:]

    /// How to open the file.
    enum Mode {
        /// Read only; fails if the file does not exist.
        case readOnly
        /// Read and write; creates the file if it does not exist.
        case readWrite
        /// Read only, promising SQLite the file cannot change (no locks, no `-shm`): for a database in a
        /// directory nothing can write, whose WAL index could not be created.
        case immutable
    }

    init(path: String, mode: Mode) throws {
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
            let error = StoreError(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)  // sqlite3_open_v2 may allocate a handle even on failure.
            throw StoreError(error.kind, "cannot open \(path): \(error.message)", code: code)
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        statements.removeAll()  // finalize first, so the close below is a real close, not a zombie
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return no rows.
    func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw StoreError(code: code, connection: handle, sql: sql) }
    }

    /// The prepared statement for `sql`, compiled on first use and reused afterwards.
    func statement(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try Statement(connection: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a query and maps every row.
    func rows<T>(_ sql: String, _ values: (any SQLBindable)?..., row: (Statement) throws -> T) throws -> [T] {
        try statement(sql).rows(values, row)
    }

    /// The first column of the first row as an integer, or nil when there is no row.
    func int(_ sql: String, _ values: (any SQLBindable)?...) throws -> Int? {
        try statement(sql).rows(values) { $0.isNull(0) ? nil : $0.int(0) }.first ?? nil
    }

    /// Runs a statement that returns no rows; answers how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: (any SQLBindable)?...) throws -> Int {
        let statement = try statement(sql)
        statement.reset()
        defer { statement.reset() }
        try statement.bind(values)
        try statement.step()
        return Int(sqlite3_changes(handle))
    }

    /// Whether the connection cannot write (opened read-only, or the file or its directory is read-only).
    var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Whether a transaction is open.
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
