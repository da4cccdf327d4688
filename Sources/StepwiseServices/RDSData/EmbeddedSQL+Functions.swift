import CSQLite
import Foundation

extension EmbeddedSQL {
    /// Adds the MySQL functions scripts use most that SQLite lacks: `NOW()` (UTC, `YYYY-MM-DD HH:MM:SS`) and
    /// `UUID()` (lower-case).
    func addMySQLFunctions() {
        sqlite3_create_function_v2(
            handle, "NOW", 0, SQLITE_UTF8, nil,
            { context, _, _ in
                let text = Date().formatted(
                    .iso8601.year().month().day().dateSeparator(.dash).dateTimeSeparator(.space)
                        .time(includingFractionalSeconds: false).timeSeparator(.colon))
                sqlite3_result_text(context, String(text.prefix(19)), -1, csqlite_transient())
            }, nil, nil, nil)
        sqlite3_create_function_v2(
            handle, "UUID", 0, SQLITE_UTF8, nil,
            { context, _, _ in
                sqlite3_result_text(context, UUID().uuidString.lowercased(), -1, csqlite_transient())
            }, nil, nil, nil)
    }
}
