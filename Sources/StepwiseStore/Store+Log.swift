import StepwiseSQLite

extension Store {
    /// Queues one interpreter step and the history events it produced, for the next group commit.
    ///
    /// The step and its events are committed in the same transaction, never one without the other. Commits
    /// happen at most `commitInterval` after the first queued append, or at once when `maxPendingRows` rows
    /// are queued; a crash loses at most the queued window, never part of a step. Call ``flush()`` to wait
    /// until a step is durable.
    ///
    /// While a write failure stands (a full disk), an append is refused with that failure and its execution's
    /// recording stops: the store keeps it RUNNING at its last committed step, and refuses its later appends
    /// and its finish with `.notRecorded`, since any of them would leave a gap in its history. Its owner resumes
    /// it from there with ``resumeRecording(arn:)`` once ``retryWrites()`` succeeds (or in the next process).
    ///
    /// - Throws: `.nonContiguous` unless `step.seq` is the execution's next sequence number (1 first) and
    ///   the event ids continue its history (1 first); `.notFound` / `.invalidArgument` for an unknown or
    ///   finished execution; the standing write failure (such as `.diskFull`); `.notRecorded` after it.
    package func append(arn: String, step: StepRow, events: [EventRow]) throws {
        try append(arn: arn, encoded: EncodedStep(step: step, rows: events))
    }

    /// Queues one step encoded beforehand (``EncodedStep``), as ``append(arn:step:events:)`` does.
    func append(arn: String, encoded: EncodedStep) throws {
        try failures.admit(arn)
        let tail = try PendingLog.advance(try logTail(arn), arn: arn, seq: encoded.seq, eventIds: encoded.eventIds)
        var pieces = encoded.pieces
        if encoded.eventIds.isEmpty {
            for index in pieces.indices { pieces[index].lastEventId = tail.eventId }
        }
        log.tails[arn] = tail
        log.entries.append(PendingLog.Entry(arn: arn, seq: encoded.seq, pieces: pieces, lastEventId: tail.eventId))
        log.rows += 1 + encoded.eventIds.count
        if log.rows >= options.maxPendingRows { commitRecordingFailure() } else { scheduleCommit() }
    }

    /// Commits every queued append now; returns when they are committed (durable against a process crash).
    package func flush() throws {
        commitTask?.cancel()
        commitTask = nil
        commitCreates()
        try commitPending()
    }

    /// Where the execution's log ends, from the queue or else from the database.
    func logTail(_ arn: String) throws -> PendingLog.Tail {
        if let tail = log.tails[arn] { return tail }
        if log.closed.contains(arn) { throw StoreError(.invalidArgument, "execution \(arn) has already finished") }
        let database = try database()
        let sql = """
            SELECT status, event_count, max(
                (SELECT coalesce(max(seq), 0) FROM step_log WHERE execution_arn = ?1),
                coalesce((SELECT last_seq FROM history_segments WHERE execution_arn = ?1
                    ORDER BY last_event_id DESC, last_seq DESC LIMIT 1), 0))
            FROM executions WHERE arn = ?1
            """
        guard let (status, events, seq) = try database.rows(sql, arn, row: { ($0.text(0), $0.int(1), $0.int(2)) }).first
        else { throw StoreError(.notFound, "Execution Does Not Exist: '\(arn)'") }
        guard status == ExecutionRecord.Status.running.rawValue else {
            throw StoreError(.invalidArgument, "execution \(arn) is \(status), its log is closed")
        }
        return PendingLog.Tail(seq: seq, eventId: events)
    }

    /// Commits the queue after `interval` (the commit interval by default), unless a commit is already due.
    func scheduleCommit(after interval: Duration? = nil) {
        guard commitTask == nil else { return }
        let interval = interval ?? options.commitInterval
        commitTask = Task { [weak self] in
            try? await Task.sleep(for: interval)
            await self?.commitScheduled()
        }
    }

    private func commitScheduled() {
        commitTask = nil
        retryWrites()
    }

    /// Commits the queue; a failure is kept (by ``commit(_:)``) for ``append(arn:step:events:)`` and ``flush()``
    /// to report, and the queue is tried again after `retryInterval`.
    func commitRecordingFailure() {
        _ = try? commitPending()
    }

    /// Keeps a write failure (appends are refused while it stands) and schedules the next attempt.
    func recordFailure(_ error: any Error) {
        failures.standing = error as? StoreError ?? StoreError(.sqlite, "\(error)")
        scheduleCommit(after: options.retryInterval)
    }

    /// Writes every queued entry in one transaction. On failure the queue is kept, to be retried.
    func commitPending() throws {
        guard !log.isEmpty else { return }
        try commit { _ in }
    }

    /// Runs `body` in one transaction after writing every queued entry, so a write that depends on the log
    /// (finishing an execution) never commits before it. On failure nothing is written and the queue is kept.
    func commit<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let database = try database()
        let changes = database.totalChanges
        let result: T
        do {
            result = try database.transaction {
                if !log.isEmpty { try database.writeLog(log.entries, finishes: log.finishes) }
                return try body(database)
            }
        } catch {
            // A refused start is a refused write as much as a refused step: /health must not say otherwise.
            if !log.isEmpty || StoreError.isWriteFailure(error) { recordFailure(error) }
            throw error
        }
        if !log.isEmpty {
            statistics.commits += 1
            statistics.steps += log.entries.count
            statistics.events += log.rows - log.entries.count
            log.removeCommitted()
        }
        if database.totalChanges > changes { failures.standing = nil }  // a write reached the disk
        return result
    }

    /// Commits the queue before a read, so reads see every accepted append; a failure is kept, not thrown,
    /// and the read sees what is committed.
    func settle() {
        if !log.isEmpty { commitRecordingFailure() }
    }
}
