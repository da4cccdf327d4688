import CSQLite

/// A Swift value that can be bound to a statement parameter.
package protocol SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) throws
}

extension SQLiteStatement {
    /// Binds an integer (SQLite integers are 64-bit).
    package func bind(_ value: Int, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, sqlite3_int64(value)))
    }

    package func bind(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds text; SQLite copies the bytes (SQLITE_TRANSIENT), so the Swift string need not outlive the call.
    package func bind(_ value: String, at index: Int32) throws {
        var value = value
        let code = value.withUTF8 { bytes in
            // An empty buffer may have a nil base address, which SQLite would bind as NULL: bind "" instead.
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, nil) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), csqlite_transient())
            }
        }
        try check(code)
    }

    /// Binds a blob; SQLite copies the bytes (SQLITE_TRANSIENT).
    package func bind(_ value: [UInt8], at index: Int32) throws {
        let code = value.withUnsafeBytes { bytes in
            // A zero-length blob may have a nil base address; sqlite3_bind_zeroblob keeps it a blob, not NULL.
            guard let base = bytes.baseAddress else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob(handle, index, base, Int32(bytes.count), csqlite_transient())
        }
        try check(code)
    }

    package func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }
}

extension Int: SQLBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension Double: SQLBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension String: SQLBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws { try statement.bind(self, at: index) }
}

extension Bool: SQLBindable {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws { try statement.bind(self ? 1 : 0, at: index) }
}

extension Array: SQLBindable where Element == UInt8 {
    package func bind(to statement: SQLiteStatement, at index: Int32) throws { try statement.bind(self, at: index) }
}
