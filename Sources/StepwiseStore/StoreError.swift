import StepwiseSQLite

/// A failure of the store: a stable kind to switch on, SQLite's own message and code, and the SQL that failed.
///
/// The server maps kinds to API errors (`invalidToken` → InvalidToken, `notFound` → …DoesNotExist,
/// `alreadyExists` → …AlreadyExists); everything else is an internal failure.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a machine-readable name.
    public enum Kind: String, Sendable {
        /// Any SQLite failure without a more specific kind.
        case sqlite
        /// The file is not an SQLite database (corrupt, truncated, or some other format).
        case notADatabase
        /// The file is a Stepwise database with broken pages (`PRAGMA quick_check` found problems).
        case damaged
        /// The file is an SQLite database, but not a Stepwise one.
        case foreignDatabase
        /// The file was written by a newer Stepwise: it records a migration this build does not know.
        case newerSchema
        /// The file (or its directory) cannot be written, or the store was opened read-only. Such a file can
        /// still be read: open it with `Store.Options(readOnly: true)`.
        case readOnly
        /// The disk (or `max_page_count`) is full; the failed transaction was rolled back.
        case diskFull
        /// Another connection holds the write lock longer than the busy timeout.
        case busy
        /// Another process holds the database for writing (its `<database>.lock`).
        case inUse
        /// A constraint (unique key, check) rejected the write.
        case constraint
        /// A page token that this store did not issue, or issued for another query.
        case invalidToken
        /// An argument out of range (for example `maxResults` outside 0–1000).
        case invalidArgument
        /// The state machine or execution does not exist.
        case notFound
        /// A state machine or execution with that name or ARN already exists.
        case alreadyExists
        /// A log append whose sequence number or event ids do not continue the execution's log.
        case nonContiguous
        /// The store was closed.
        case closed
        /// An execution whose recording stopped after a failed write: the store keeps it RUNNING at its last
        /// committed step and refuses its appends until ``Store/resumeRecording(arn:)``.
        case notRecorded
    }

    public let kind: Kind
    /// SQLite's extended result code, or 0 when the error did not come from SQLite.
    package let code: Int32
    public let message: String
    /// The SQL statement that failed, when there was one.
    package let sql: String?

    package init(_ kind: Kind, _ message: String, code: Int32 = 0, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
        self.sql = sql
    }

    public var description: String {
        var text = "\(kind.rawValue): \(message)"
        if code != 0 { text += " (SQLite code \(code))" }
        if let sql { text += " in: \(sql)" }
        return text
    }
}

extension StoreError {
    /// The store's error for an SQLite failure: its kind, and SQLite's message, code and SQL as they are.
    init(_ error: SQLiteError) {
        let kind: Kind =
            switch error.schemaProblem {
            case .newer: .newerSchema
            case .outOfOrder: .foreignDatabase
            case nil: Self.kind(for: error.code)
            }
        self.init(kind, error.message, code: error.code, sql: error.sql)
    }

    /// Whether `error` is the disk or the file refusing a write (full, read-only, an I/O error), rather than a
    /// row the schema refuses.
    static func isWriteFailure(_ error: any Error) -> Bool {
        guard let error = error as? StoreError else { return false }
        return [.diskFull, .readOnly, .sqlite].contains(error.kind)
    }

    /// Whether this is a PRIMARY KEY or UNIQUE violation (a duplicate), as opposed to a CHECK or NOT NULL one.
    var isDuplicate: Bool { SQLiteResultCode(code).isDuplicate }

    /// The kind for an SQLite result code (primary code in the low byte).
    static func kind(for code: Int32) -> Kind {
        switch SQLiteResultCode(code).primary {
        case .notADatabase, .corrupt: .notADatabase
        case .readOnly, .permission: .readOnly
        case .full: .diskFull
        case .busy, .locked: .busy
        case .constraint: .constraint
        default: .sqlite
        }
    }
}
