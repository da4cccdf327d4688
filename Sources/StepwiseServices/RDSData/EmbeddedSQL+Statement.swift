import CSQLite

extension EmbeddedSQL {
    /// Binds every parameter of a prepared statement, runs it to completion and collects its rows.
    func step(_ statement: OpaquePointer, bind: (Int32, String?) throws -> SQLValue) throws -> SQLResultSet {
        let count = sqlite3_bind_parameter_count(statement)
        if count > 0 {
            for index in 1...count {
                let name = sqlite3_bind_parameter_name(statement, index).map { String(cString: $0) }
                try bindValue(try bind(index, name), to: statement, at: index)
            }
        }
        var result = SQLResultSet(columns: columns(of: statement))
        let changesBefore = sqlite3_total_changes64(handle)
        let rowIDBefore = sqlite3_last_insert_rowid(handle)
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw error(code) }
            result.rows.append((0..<Int32(result.columns.count)).map { value(statement, column: $0) })
        }
        let readOnly = sqlite3_stmt_readonly(statement) != 0
        result.changes = readOnly ? 0 : Int(sqlite3_total_changes64(handle) - changesBefore)
        let rowID = sqlite3_last_insert_rowid(handle)
        if !readOnly, result.changes > 0, rowID != rowIDBefore { result.insertedRowID = Int(rowID) }
        return result
    }

    /// The result columns of a prepared statement.
    private func columns(of statement: OpaquePointer) -> [SQLResultSet.Column] {
        (0..<sqlite3_column_count(statement)).map { index in
            SQLResultSet.Column(
                name: sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "",
                declaredType: sqlite3_column_decltype(statement, index).map { String(cString: $0) },
                table: sqlite3_column_table_name(statement, index).map { String(cString: $0) })
        }
    }

    /// Binds one value; SQLite copies text and blobs (SQLITE_TRANSIENT).
    private func bindValue(_ value: SQLValue, to statement: OpaquePointer, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null: code = sqlite3_bind_null(statement, index)
        case .integer(let int): code = sqlite3_bind_int64(statement, index, sqlite3_int64(int))
        case .real(let double): code = sqlite3_bind_double(statement, index, double)
        case .text(let text): code = sqlite3_bind_text(statement, index, text, -1, csqlite_transient())
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return sqlite3_bind_zeroblob(statement, index, 0) }
                return sqlite3_bind_blob(statement, index, base, Int32(raw.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Column `column` of the current row, in its storage class.
    private func value(_ statement: OpaquePointer, column: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let bytes = sqlite3_column_text(statement, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))))
        default: return .null
        }
    }
}
