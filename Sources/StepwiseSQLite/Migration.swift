/// A named schema change. Once shipped, a migration is never edited: change the schema with a new one
/// (STYLE.md, practice 7; GRDB's `DatabaseMigrator`).
package struct Migration: Sendable {
    package let name: String
    package let sql: String

    package init(name: String, sql: String) {
        self.name = name
        self.sql = sql
    }

    /// The table that records applied migrations, in order. Created before the first migration runs.
    package static let tableSQL = """
        CREATE TABLE IF NOT EXISTS migrations (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_date REAL NOT NULL
        ) STRICT
        """
}
