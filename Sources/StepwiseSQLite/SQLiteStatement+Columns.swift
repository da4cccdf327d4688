import CSQLite

extension SQLiteStatement {
    /// Whether column `index` (0-based) of the current row is NULL.
    package func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    package func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    package func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// The column as text; NULL reads as the empty string (see ``optionalText(_:)``).
    package func text(_ index: Int32) -> String {
        // sqlite3_column_text's pointer is valid until the next step/reset; String copies the bytes now.
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    package func optionalText(_ index: Int32) -> String? { isNull(index) ? nil : text(index) }

    package func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    package func blob(_ index: Int32) -> [UInt8] {
        // The blob pointer is valid until the next step/reset; the Array copies the bytes now.
        guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}

/// A column's value whatever its type, for copying rows between databases without knowing their schema.
package enum SQLValue: SQLBindable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
    case blob([UInt8])

    package func bind(to statement: SQLiteStatement, at index: Int32) throws {
        switch self {
        case .null: try statement.bindNull(at: index)
        case .integer(let value): try statement.bind(value, at: index)
        case .real(let value): try statement.bind(value, at: index)
        case .text(let value): try statement.bind(value, at: index)
        case .blob(let value): try statement.bind(value, at: index)
        }
    }
}

extension SQLiteStatement {
    /// How many columns the statement's rows have.
    package var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Column `index` of the current row with its own type.
    package func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(int(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_BLOB: .blob(blob(index))
        case SQLITE_TEXT: .text(text(index))
        default: .null
        }
    }

    /// Every column of the current row.
    package func values() -> [SQLValue] { (0..<columnCount).map(value) }
}
