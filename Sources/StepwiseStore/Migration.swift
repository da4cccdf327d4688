/// A named schema change. Once shipped, a migration is never edited: change the schema with a new one.
struct Migration: Sendable {
    let name: String
    let sql: String

    /// Every migration this build knows, in the order they are applied (STYLE.md, practice 7).
    static let all: [Migration] = [.v1, .v2, .v3, .mapRuns, .cancelRequests, .nameIndexes]

    /// The table that records applied migrations, in order. Created before the first migration runs.
    static let tableSQL = """
        CREATE TABLE IF NOT EXISTS migrations (
            position INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_date REAL NOT NULL
        ) STRICT
        """

    /// Identifies a Stepwise database in the file header (`PRAGMA application_id`): "StpW".
    static let applicationID: Int32 = 0x5374_7057
}
