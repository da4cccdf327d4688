import CSQLite

extension SQLiteConnection {
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    package func setBusyTimeout(milliseconds: Int32) throws {
        let code = sqlite3_busy_timeout(handle, milliseconds)
        guard code == SQLITE_OK else { throw failure(code, sql: "sqlite3_busy_timeout") }
    }

    /// Switches the journal to WAL, and fails unless SQLite did switch.
    ///
    /// WAL lets readers in other connections run while the writer commits; with synchronous=NORMAL a commit
    /// survives a process crash (the WAL is written before COMMIT returns) without an fsync.
    package func switchToWriteAheadLog() throws {
        let mode = try statement("PRAGMA journal_mode = WAL").rows([]) { $0.text(0) }.first
        guard mode?.lowercased() == "wal" else {
            throw errors(SQLiteError(code: 0, message: "cannot switch \(path) to WAL (journal_mode is \(mode ?? "unknown"))"))
        }
    }
}
