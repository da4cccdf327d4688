extension Store {
    /// The write failure that stands (a full disk, say), if any: appends are refused until a write succeeds.
    package var writeFailure: StoreError? { failures.standing }

    /// Executions whose recording stopped after a failed write, with the failure: each is stored RUNNING at its
    /// last committed step, waiting for ``resumeRecording(arn:)``.
    package var unrecordedExecutions: [String: StoreError] { failures.detached }

    /// Tries the writes a failure left queued; answers whether the store writes again (no failure stands).
    ///
    /// While a failure stands, the write-ahead log is first checkpointed into the database and truncated, giving
    /// its space back. Without queued appends (the failure came from a start, or from finishing an execution whose
    /// owner redoes it after resuming), a write of the store's own tests the disk: the failure stands until a
    /// write reaches it, so `/health` never says the store writes while it cannot.
    @discardableResult
    package func retryWrites() -> Bool {
        if failures.standing != nil {
            checkpointLog()
            if log.isEmpty { probeWrite() }
        }
        commitRecordingFailure()
        return failures.standing == nil
    }

    /// Copies the write-ahead log into the database and truncates it (`PRAGMA wal_checkpoint(TRUNCATE)`), waiting
    /// at most 100 ms for readers; a failure (the database cannot grow yet) leaves the log as it was.
    private func checkpointLog() {
        guard let database = try? database() else { return }
        try? database.setBusyTimeout(milliseconds: 100)
        defer { try? database.setBusyTimeout(milliseconds: options.busyTimeoutMilliseconds) }
        try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Whether the disk takes a write again, tested with one that needs new pages as a start or a step does:
    /// 8 KiB inserted and deleted in one committed transaction (in `migrations`, at a position no migration has),
    /// leaving no row behind. Success clears the standing failure; failure keeps it and schedules the next try.
    private func probeWrite() {
        do {
            let database = try database()
            try database.transaction {
                try database.run("INSERT INTO migrations (position, name, applied_date) VALUES (-1, hex(zeroblob(4096)), 0)")
                try database.run("DELETE FROM migrations WHERE position = -1")
            }
            failures.standing = nil
        } catch {
            recordFailure(error)
        }
    }

    /// Accepts appends for an execution again after its recording stopped: its log continues from its last
    /// committed step, where a replay of ``stepLog(arn:)`` leaves it. No-op for an execution being recorded.
    ///
    /// - Throws: the standing write failure while there is one (the stored log may still grow by queued steps).
    package func resumeRecording(arn: String) throws {
        guard try failures.reattach(arn) else { return }
        log.tails[arn] = nil
    }
}

extension Store {
    /// Caps the file at `pages` pages from now on (`PRAGMA max_page_count`, as `Options.maxPageCount` does at
    /// open): tests fill the disk, then give space back, without a file system of their own.
    package func setMaxPageCount(_ pages: Int) throws {
        try database().execute("PRAGMA max_page_count = \(pages)")
    }
}
