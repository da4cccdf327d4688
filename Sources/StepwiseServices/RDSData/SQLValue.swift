/// A value as SQLite stores it: one of its five storage classes.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The text of a text value, nil otherwise.
    var textValue: String? { if case .text(let text) = self { text } else { nil } }

    /// The integer of an integer value, nil otherwise.
    var integerValue: Int? { if case .integer(let value) = self { value } else { nil } }
}

/// An SQLite failure: its result code and message (and the SQL, when one was running).
struct EmbeddedSQLError: Error, CustomStringConvertible {
    let code: Int32
    let message: String

    var description: String { message }
}

/// The rows of one statement, with the columns SQLite describes for it.
struct SQLResultSet: Sendable {
    /// One result column: its name, its declared type and the table it comes from (when it is a plain column).
    struct Column: Sendable, Hashable {
        var name: String
        var declaredType: String?
        var table: String?
    }

    var columns: [Column] = []
    var rows: [[SQLValue]] = []
    /// Rows inserted, updated or deleted by the statement.
    var changes = 0
    /// The rowid of the row inserted by the statement, when it inserted one.
    var insertedRowID: Int?
}
