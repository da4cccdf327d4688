import CSQLite

/// One SQLite connection: owns its `sqlite3*`, caches prepared statements by SQL text, closes in `deinit`.
///
/// Not thread-safe and not `Sendable`: use it only inside ``SQLiteDatabase``, whose serial executor is the only
/// thread that touches it.
final class SQLiteConnection {
    /// The connection. Invariant: non-nil, owned by this object alone, closed once after its statements.
    let handle: OpaquePointer
    let path: String
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating when missing) the database at `path` for reading and writing.
    init(path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)  // sqlite3_open_v2 may allocate a handle even on failure
            throw SQLiteError(code: code, message: "cannot open \(path): \(error.message)")
        }
        self.handle = handle
        self.path = path
    }

    deinit {
        statements.removeAll()  // finalize first, so the close is a real close
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that return no rows and take no parameters (schema, pragmas).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: handle, sql: sql) }
    }

    /// The prepared statement for `sql`, compiled on first use and reused afterwards.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(connection: handle, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows; answers how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ values: SQLiteValue...) throws(SQLiteError) -> Int {
        try statement(sql).run(values)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps every row.
    func rows<T>(_ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteRow) throws -> T) throws -> [T] {
        try statement(sql).rows(values, row)
    }

    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, commit when it returns, roll back when it throws.
    ///
    /// `IMMEDIATE` takes the write lock up front, so the reads inside see what the writes will overwrite:
    /// a check-then-write in `body` is atomic.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try statement("BEGIN IMMEDIATE").run([])
        do {
            let result = try body()
            try statement("COMMIT").run([])
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { _ = try? statement("ROLLBACK").run([]) }
            throw error
        }
    }

    /// Switches to WAL with synchronous=NORMAL (a commit survives a process crash without an fsync) and
    /// sets the busy timeout for other processes (`sqlite3`, another `stepwise`) holding the lock.
    func configureForWriting(busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        let code = sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: handle, sql: "sqlite3_busy_timeout") }
        try execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
    }
}
