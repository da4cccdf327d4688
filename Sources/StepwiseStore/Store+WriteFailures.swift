extension Store {
    /// The write failure that stands (a full disk, say), if any: appends are refused until a write succeeds.
    package var writeFailure: StoreError? { failures.standing }

    /// Executions whose recording stopped after a failed write, with the failure: each is stored RUNNING at its
    /// last committed step, waiting for ``resumeRecording(arn:)``.
    package var unrecordedExecutions: [String: StoreError] { failures.detached }

    /// Tries the writes a failure left queued; answers whether the store writes again (no failure stands).
    ///
    /// Without queued appends, the failure came from finishing an execution, whose owner redoes it after
    /// resuming: the failure is cleared and that attempt is the test.
    @discardableResult
    package func retryWrites() -> Bool {
        if failures.standing != nil, log.isEmpty { failures.standing = nil }
        commitRecordingFailure()
        return failures.standing == nil
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
