import Foundation

extension SQLiteConnection {
    /// The names of the applied migrations, in the order they were applied; empty without a migrations table.
    package func appliedMigrations() throws -> [String] {
        let hasTable = try int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'")
        guard hasTable == 1 else { return [] }
        return try rows("SELECT name FROM migrations ORDER BY position") { $0.text(0) }
    }

    /// Applies every migration in `migrations` not yet recorded, in one transaction with their records.
    ///
    /// The migrations table is created in that same transaction: a new file goes from empty to a complete,
    /// recorded schema in one commit, so no other connection ever sees a half-created database.
    package func migrate(_ migrations: [Migration]) throws {
        try transaction {
            try execute(Migration.tableSQL)
            let applied = try appliedMigrations()
            try checkCompatible(applied: applied, known: migrations.map(\.name))
            for (position, migration) in migrations.enumerated().dropFirst(applied.count) {
                try execute(migration.sql)
                try run(
                    "INSERT INTO migrations (position, name, applied_date) VALUES (?, ?, ?)",
                    position + 1, migration.name, Date().timeIntervalSince1970)
            }
        }
    }

    /// Throws unless `applied` is a prefix of `known`: a migration we do not know means a newer schema.
    package func checkCompatible(applied: [String], known: [String]) throws {
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw errors(
                SQLiteError(code: 0, message: "\(path) was written by a newer Stepwise (migration '\(unknown)' is unknown)", schemaProblem: .newer))
        }
        guard applied.elementsEqual(known.prefix(applied.count)) else {
            throw errors(
                SQLiteError(code: 0, message: "\(path) records migrations \(applied) out of the expected order \(known)", schemaProblem: .outOfOrder))
        }
    }
}
