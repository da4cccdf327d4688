import CSQLite

/// A prepared statement: owns its `sqlite3_stmt*` and finalizes it in `deinit`.
///
/// Created and cached by ``SQLiteConnection`` (one per SQL text). Use ``run(_:)`` for statements without rows
/// and ``rows(_:_:)`` for queries; both reset the statement before and after, so a cached statement never
/// holds a read lock between calls.
final class SQLiteStatement {
    /// The compiled statement. Invariant: non-nil, owned by this object alone, finalized exactly once.
    let handle: OpaquePointer
    /// The owning connection, read only for error messages; it finalizes its cached statements before closing.
    let connection: OpaquePointer
    let sql: String

    init(connection: OpaquePointer, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Runs a statement that returns no rows with `values` bound to parameters 1, 2, … in order.
    func run(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        try bind(values)
        while try step() {}
    }

    /// Runs a query with `values` bound and maps every row through `row`.
    func rows<T>(_ values: [SQLiteValue], _ row: (SQLiteRow) throws -> T) throws -> [T] {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        try bind(values)
        var result: [T] = []
        while try step() { result.append(try row(SQLiteRow(handle: handle))) }
        return result
    }

    /// Advances to the next row: `true` when a row is available, `false` when done.
    private func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            sqlite3_reset(handle)  // releases the statement's locks at once
            throw SQLiteError(code: code, connection: connection, sql: sql)
        }
    }

    private func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection, sql: sql) }
        }
    }

    /// Binds one value; text and blobs are copied by SQLite (SQLITE_TRANSIENT).
    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(handle, index)
        case .integer(let value): return sqlite3_bind_int64(handle, index, sqlite3_int64(value))
        case .real(let value): return sqlite3_bind_double(handle, index, value)
        case .text(let value):
            return sqlite3_bind_text(handle, index, value, -1, csqlite_transient())
        case .blob(let bytes):
            return bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
                return sqlite3_bind_blob(handle, index, base, Int32(buffer.count), csqlite_transient())
            }
        }
    }
}
