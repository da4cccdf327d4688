extension SQLiteConnection {
    /// Runs `body` in a write transaction: `BEGIN IMMEDIATE`, commit when it returns, roll back when it throws.
    ///
    /// `IMMEDIATE` takes the write lock up front, so a transaction never fails half-way with SQLITE_BUSY on its
    /// first write, and the reads inside see what the writes will overwrite: a check-then-write in `body` is
    /// atomic (STYLE.md, practice 6).
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try statement("BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try statement("COMMIT").run()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Rolls back the open transaction, if SQLite has not already done so (it does on SQLITE_FULL and others).
    private func rollback() {
        guard inTransaction else { return }
        // A failing rollback leaves nothing better to do: the original error is what the caller needs.
        _ = try? statement("ROLLBACK").run()
    }
}
