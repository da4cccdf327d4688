import CSQLite

/// A failure reported by SQLite: its extended result code, its message and the SQL that failed.
struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …), or 0 for a wrapper-level failure.
    let code: Int32
    let message: String
    /// The SQL statement that failed, when there was one.
    let sql: String?

    init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The error for a non-OK result code from `connection`, with SQLite's current message for it.
    init(code: Int32, connection: OpaquePointer?, sql: String?) {
        let message =
            connection.flatMap { sqlite3_errmsg($0).map { String(cString: $0) } }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// Whether a PRIMARY KEY or UNIQUE constraint rejected the write (a duplicate row).
    var isDuplicate: Bool { code == CSQLITE_CONSTRAINT_PRIMARYKEY || code == CSQLITE_CONSTRAINT_UNIQUE }

    var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " in: \(sql)" }
        return text
    }
}
