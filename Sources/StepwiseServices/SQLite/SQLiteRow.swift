import CSQLite

/// The current row of a running query; valid only inside the `rows` callback that receives it (do not keep it).
struct SQLiteRow {
    let handle: OpaquePointer

    /// Whether column `index` (0-based) is NULL.
    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// The column as text (NULL reads as the empty string); the bytes are copied now.
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column as bytes (NULL reads as empty); the bytes are copied now.
    func blob(_ index: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
