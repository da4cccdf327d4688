extension Store {
    /// Queues one interpreter step and the history events it produced, for the next group commit.
    ///
    /// The step and its events are committed in the same transaction, never one without the other. Commits
    /// happen at most `commitInterval` after the first queued append, or at once when `maxPendingRows` rows
    /// are queued; a crash loses at most the queued window, never part of a step. Call ``flush()`` to wait
    /// until a step is durable.
    ///
    /// - Throws: `.nonContiguous` unless `step.seq` is the execution's next sequence number (1 first) and
    ///   the event ids continue its history (1 first); `.notFound` / `.invalidArgument` for an unknown or
    ///   finished execution; the last commit failure (such as `.diskFull`) until a later commit succeeds.
    public func append(arn: String, step: StepRow, events: [EventRow]) throws {
        if let failure = log.failure { throw failure }
        let tail = try PendingLog.advance(try logTail(arn), arn: arn, step: step, events: events)
        log.tails[arn] = tail
        log.entries.append(PendingLog.Entry(arn: arn, step: step, events: events))
        log.rows += 1 + events.count
        if log.rows >= options.maxPendingRows { commitRecordingFailure() } else { scheduleCommit() }
    }

    /// Commits every queued append now; returns when they are committed (durable against a process crash).
    public func flush() throws {
        commitTask?.cancel()
        commitTask = nil
        try commitPending()
    }

    /// Where the execution's log ends, from the queue or else from the database.
    private func logTail(_ arn: String) throws -> PendingLog.Tail {
        if let tail = log.tails[arn] { return tail }
        let database = try database()
        let sql = """
            SELECT status, event_count, (SELECT coalesce(max(seq), 0) FROM step_log WHERE execution_arn = ?1)
            FROM executions WHERE arn = ?1
            """
        guard let (status, events, seq) = try database.rows(sql, arn, row: { ($0.text(0), $0.int(1), $0.int(2)) }).first
        else { throw StoreError(.notFound, "Execution Does Not Exist: '\(arn)'") }
        guard status == ExecutionRecord.Status.running.rawValue else {
            throw StoreError(.invalidArgument, "execution \(arn) is \(status), its log is closed")
        }
        return PendingLog.Tail(seq: seq, eventId: events)
    }

    private func scheduleCommit() {
        guard commitTask == nil else { return }
        let interval = options.commitInterval
        commitTask = Task { [weak self] in
            try? await Task.sleep(for: interval)
            await self?.commitScheduled()
        }
    }

    private func commitScheduled() {
        commitTask = nil
        commitRecordingFailure()
    }

    /// Commits the queue; a failure is kept for ``append(arn:step:events:)`` and ``flush()`` to report.
    func commitRecordingFailure() {
        do { try commitPending() } catch { log.failure = error as? StoreError ?? StoreError(.sqlite, "\(error)") }
    }

    /// Writes every queued entry in one transaction. On failure the queue is kept, to be retried.
    func commitPending() throws {
        guard !log.entries.isEmpty else { return }
        try commit { _ in }
    }

    /// Runs `body` in one transaction after writing every queued entry, so a write that depends on the log
    /// (finishing an execution) never commits before it. On failure nothing is written and the queue is kept.
    func commit<T>(_ body: (Database) throws -> T) throws -> T {
        let database = try database()
        let result: T
        do {
            result = try database.transaction {
                if !log.entries.isEmpty { try database.writeLog(log.entries) }
                return try body(database)
            }
        } catch {
            if !log.entries.isEmpty { log.failure = error as? StoreError ?? StoreError(.sqlite, "\(error)") }
            throw error
        }
        if !log.entries.isEmpty {
            statistics.commits += 1
            statistics.steps += log.entries.count
            statistics.events += log.rows - log.entries.count
            log.removeCommitted()
        }
        return result
    }

    /// Commits the queue before a read, so reads see every accepted append; a failure is kept, not thrown,
    /// and the read sees what is committed.
    func settle() {
        if !log.entries.isEmpty { commitRecordingFailure() }
    }
}
