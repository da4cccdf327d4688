import CSQLite

/// A minimal SQLite connection for the local services: opens a file, runs statements with bound values.
///
/// Not thread-safe: owners keep it inside a ``SQLFile`` (a lock around a lazily opened connection). Distinct from
/// the store's `Database` and kept internal to this module, so it can be unified with other wrappers later.
final class EmbeddedSQL {
    /// The connection. Invariant: non-nil, owned by this object alone, closed exactly once in `deinit`.
    let handle: OpaquePointer
    let path: String

    /// Opens (and, unless `readOnly`, creates) the database at `path`, in WAL mode with a busy timeout.
    init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws {
        var handle: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)  // sqlite3_open_v2 may allocate a handle even on failure.
            throw EmbeddedSQLError(code: code, message: "cannot open \(path): \(message)")
        }
        self.handle = handle
        self.path = path
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        addMySQLFunctions()
        if !readOnly { try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL") }
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs one or more SQL statements that need no bound values, ignoring any rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw EmbeddedSQLError(code: code, message: text)
        }
    }

    /// Runs one statement with positional values (`?`) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        try run(sql, bind: { index, _ in values.indices.contains(Int(index) - 1) ? values[Int(index) - 1] : .null }).last?.rows ?? []
    }

    /// Runs every statement of `sql` in order; `bind` supplies the value of each parameter (1-based index, name
    /// such as `:id` or nil for `?`). Returns one result set per statement.
    func run(_ sql: String, bind: (Int32, String?) throws -> SQLValue) throws -> [SQLResultSet] {
        var results: [SQLResultSet] = []
        try sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, current, -1, &statement, &tail)
                guard code == SQLITE_OK else { throw error(code) }
                cursor = tail
                guard let statement else { continue }  // whitespace or a comment
                defer { sqlite3_finalize(statement) }
                results.append(try step(statement, bind: bind))
            }
        }
        return results
    }

    /// The error for a failed call, with SQLite's message for this connection.
    func error(_ code: Int32) -> EmbeddedSQLError {
        EmbeddedSQLError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Whether a transaction is open on this connection.
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
