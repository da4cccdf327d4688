import CSQLite

/// A failure reported by SQLite (its extended result code, its message and the SQL that failed), or by this
/// module's own checks (a journal mode that would not switch, a migration history it cannot use).
///
/// Owners that speak another error type (the store's `StoreError`) give their connection a mapping, so every
/// failure reaches them already in their own vocabulary (see ``SQLiteConnection/init(path:mode:errors:)``).
package struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// Why a database's recorded migrations cannot be used (see ``SQLiteConnection/checkCompatible(applied:known:)``).
    package enum SchemaProblem: Sendable {
        /// It records a migration this build does not know: a newer program wrote it.
        case newer
        /// Its migrations are not the expected ones, in the expected order.
        case outOfOrder
    }

    /// SQLite's extended result code (`SQLITE_CONSTRAINT_PRIMARYKEY`, …), or 0 for a failure of our own.
    package let code: Int32
    package let message: String
    /// The SQL statement that failed, when there was one.
    package let sql: String?
    /// Set when the failure is a migration history this build cannot use.
    package let schemaProblem: SchemaProblem?

    package init(code: Int32, message: String, sql: String? = nil, schemaProblem: SchemaProblem? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.schemaProblem = schemaProblem
    }

    /// The error for a non-OK result code from `connection`, with SQLite's current message for it.
    ///
    /// - Parameter connection: the `sqlite3*` the call was made on; only read for its current error message.
    package init(code: Int32, connection: OpaquePointer?, sql: String?) {
        let message =
            connection.flatMap { sqlite3_errmsg($0).map { String(cString: $0) } }
            ?? String(cString: sqlite3_errstr(code))
        self.init(code: code, message: message, sql: sql)
    }

    /// Whether a PRIMARY KEY or UNIQUE constraint rejected the write (a duplicate row).
    package var isDuplicate: Bool { SQLiteResultCode(code).isDuplicate }

    package var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " in: \(sql)" }
        return text
    }
}

/// An SQLite result code, with names for the ones our callers tell apart (SQLite's own constants are macros
/// that only this module imports).
package struct SQLiteResultCode: Equatable, Sendable {
    package let rawValue: Int32

    package init(_ rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code of an extended one (its low byte): `SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`.
    package var primary: SQLiteResultCode { SQLiteResultCode(rawValue & 0xFF) }

    /// Whether this is a PRIMARY KEY or UNIQUE violation, as opposed to a CHECK or NOT NULL one.
    package var isDuplicate: Bool { self == .constraintPrimaryKey || self == .constraintUnique }

    package static let busy = SQLiteResultCode(SQLITE_BUSY)
    package static let cannotOpen = SQLiteResultCode(SQLITE_CANTOPEN)
    package static let constraint = SQLiteResultCode(SQLITE_CONSTRAINT)
    package static let constraintPrimaryKey = SQLiteResultCode(CSQLITE_CONSTRAINT_PRIMARYKEY)
    package static let constraintUnique = SQLiteResultCode(CSQLITE_CONSTRAINT_UNIQUE)
    package static let corrupt = SQLiteResultCode(SQLITE_CORRUPT)
    package static let full = SQLiteResultCode(SQLITE_FULL)
    package static let locked = SQLiteResultCode(SQLITE_LOCKED)
    package static let notADatabase = SQLiteResultCode(SQLITE_NOTADB)
    package static let permission = SQLiteResultCode(SQLITE_PERM)
    package static let readOnly = SQLiteResultCode(SQLITE_READONLY)
}
