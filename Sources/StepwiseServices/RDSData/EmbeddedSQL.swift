import CSQLite
import StepwiseSQLite

/// The connection of the RDS Data API and the data inventory: runs statements of any text, several at a time,
/// with named parameters and column metadata, as the Data API returns them. Opening, closing and errors come from
/// ``SQLiteConnection``; failures are ``EmbeddedSQLError``s, whose code and message the API reports.
///
/// Not thread-safe: owners keep it inside a ``SQLFile`` (a lock around a lazily opened connection).
final class EmbeddedSQL {
    let connection: SQLiteConnection
    /// The connection's `sqlite3*`, for the statements this type prepares itself.
    var handle: OpaquePointer { connection.handle }
    var path: String { connection.path }

    /// Opens (and, unless `readOnly`, creates) the database at `path`, in WAL mode with a busy timeout.
    init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws {
        connection = try SQLiteConnection(path: path, mode: readOnly ? .readOnly : .readWrite) {
            EmbeddedSQLError(code: $0.code, message: $0.message)
        }
        try connection.setBusyTimeout(milliseconds: busyTimeoutMilliseconds)
        addMySQLFunctions()
        if !readOnly {
            try connection.switchToWriteAheadLog()
            try execute("PRAGMA synchronous = NORMAL")
        }
    }

    /// Runs one or more SQL statements that need no bound values, ignoring any rows.
    func execute(_ sql: String) throws { try connection.execute(sql) }

    /// Runs one statement with positional values (`?`) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
        try run(sql, bind: { index, _ in values.indices.contains(Int(index) - 1) ? values[Int(index) - 1] : .null }).last?.rows ?? []
    }

    /// Runs every statement of `sql` in order; `bind` supplies the value of each parameter (1-based index, name
    /// such as `:id` or nil for `?`). Returns one result set per statement.
    func run(_ sql: String, bind: (Int32, String?) throws -> SQLValue) throws -> [SQLResultSet] {
        var results: [SQLResultSet] = []
        try sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, current, -1, &statement, &tail)
                guard code == SQLITE_OK else { throw error(code) }
                cursor = tail
                guard let statement else { continue }  // whitespace or a comment
                defer { sqlite3_finalize(statement) }
                results.append(try step(statement, bind: bind))
            }
        }
        return results
    }

    /// The error for a failed call, with SQLite's message for this connection.
    func error(_ code: Int32) -> any Error { connection.failure(code, sql: nil) }
}
