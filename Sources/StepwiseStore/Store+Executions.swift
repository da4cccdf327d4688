import Foundation
import JSON
import StepwiseSQLite

extension Store {
    /// Stores a new execution; returns once it is committed (durable against a process crash).
    ///
    /// Starts that arrive together share one commit: each joins the batch queued on the store's queue, and the
    /// batch (with every queued log append) is written in one transaction when the store's queue reaches it —
    /// at once when the store is idle, after the starts already waiting under load. A busy server thus commits
    /// many starts per transaction instead of one each, and still answers each start only once it is stored.
    ///
    /// - Throws: `.alreadyExists` when an execution with that ARN exists; the standing write failure (retried
    ///   first), since an execution started now could not be recorded; the failure of its commit.
    package func createExecution(_ execution: ExecutionRecord) async throws {
        if failures.standing != nil, !retryWrites(), let failure = failures.standing {
            throw StoreError(failure.kind, "cannot record a new execution: \(failure.message)", code: failure.code)
        }
        // A taken ARN (stored, or earlier in the same batch) is found by the insert itself (``commitCreates()``).
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            creates.append(PendingCreate(record: execution, continuation: continuation))
            if creates.count == 1 { Task { self.commitCreates() } }
        }
    }

    /// Commits the queued starts (and the queued log with them) in one transaction and answers each.
    func commitCreates() {
        let batch = creates
        creates = []
        guard !batch.isEmpty else { return }
        var duplicates: Set<Int> = []  // positions in the batch: the same ARN twice in one batch stores the first
        do {
            try commit { database in
                for (index, create) in batch.enumerated() {
                    do {
                        try database.insert(create.record)
                    } catch let error as StoreError where error.isDuplicate {
                        duplicates.insert(index)  // SQLite undid that statement only; the others stand
                    }
                }
            }
        } catch {
            for create in batch { create.continuation.resume(throwing: error) }
            return
        }
        statistics.startCommits += 1
        statistics.starts += batch.count - duplicates.count
        for (index, create) in batch.enumerated() {
            if duplicates.contains(index) {
                create.continuation.resume(throwing: StoreError(.alreadyExists, "Execution Already Exists: '\(create.record.arn)'"))
            } else {
                create.continuation.resume()
            }
        }
    }

    /// The execution with this ARN, or nil; its `eventCount` includes every accepted append.
    package func execution(arn: String) throws -> ExecutionRecord? {
        settle()
        return try database().rows(
            "SELECT \(Self.executionColumns) FROM executions WHERE arn = ?", arn,
            row: Self.execution
        ).first
    }

    /// The newest execution of a state machine with this name, or nil (StartExecution's idempotency check).
    package func execution(name: String, stateMachineArn: String) throws -> ExecutionRecord? {
        settle()
        return try database().rows(Self.executionByName, stateMachineArn, name, row: Self.execution).first
    }

    /// The newest execution of a machine by name; answered from `executions_by_name` alone (MigrationTests).
    static let executionByName = """
        SELECT \(executionColumns) FROM executions WHERE state_machine_arn = ? AND name = ?
        ORDER BY start_date DESC LIMIT 1
        """

    /// The newest execution by name, whatever its machine; answered from `executions_by_bare_name`.
    static let executionByBareName = "SELECT \(executionColumns) FROM executions WHERE name = ? ORDER BY start_date DESC LIMIT 1"

    /// The newest execution with this name (a job id) or ARN, whatever its state machine.
    package func execution(nameOrArn: String) throws -> ExecutionRecord? {
        if nameOrArn.hasPrefix("arn:") { return try execution(arn: nameOrArn) }
        settle()
        return try database().rows(Self.executionByBareName, nameOrArn, row: Self.execution).first
    }

    /// Every RUNNING execution, oldest first: what the engine resumes after a restart.
    package func runningExecutions() throws -> [ExecutionRecord] {
        settle()
        return try database().rows(
            """
            SELECT \(Self.executionColumns) FROM executions WHERE status = 'RUNNING' ORDER BY start_date, arn
            """, row: Self.execution)
    }

    /// Records how an execution ended and closes its log: queued behind its steps for the next group commit
    /// (their transaction, never before them), and visible to every read, which commits the queue first.
    ///
    /// While a write failure stands, the finish is refused as an append is (see ``append(arn:step:events:)``):
    /// the execution stays RUNNING at its last committed step.
    ///
    /// - Throws: `.notFound` for an unknown ARN; `.invalidArgument` when it already finished; `.notRecorded`
    ///   when its recording stopped; the standing write failure.
    package func finishExecution(
        arn: String, status: ExecutionRecord.Status, output: String? = nil,
        error: String? = nil, cause: String? = nil, stopDate: Date
    ) throws {
        try failures.admit(arn)
        do {
            _ = try logTail(arn)
        } catch let error as StoreError where error.kind == .invalidArgument {
            throw StoreError(.invalidArgument, "execution \(arn) has already finished")
        }
        log.tails[arn] = nil
        log.closed.insert(arn)
        log.finishes.append(
            PendingLog.Finish(
                arn: arn, status: status.rawValue, output: output, error: error, cause: cause, stopDate: stopDate.timeIntervalSince1970))
        scheduleCommit()
    }
}

extension Store {
    /// Stops a RUNNING execution that no runtime drives: appends one last step (`stopInput`, the engine's encoding
    /// of the stop) with `abortedEvent` as the event after its last recorded one, and finishes it ABORTED, all in
    /// one transaction. The event's id is assigned here.
    ///
    /// - Throws: `.notFound`; `.invalidArgument` when it is not RUNNING; `.notRecorded` while its recording is
    ///   stopped; the write failure.
    func abortExecution(
        arn: String, stopInput: String, abortedEvent: EventRow, error: String?, cause: String?, stopDate: Date
    ) throws {
        try failures.checkRecorded(arn)
        let tail = try logTail(arn)
        var event = abortedEvent
        event.id = tail.eventId + 1
        try append(arn: arn, step: StepRow(seq: tail.seq + 1, timestamp: stopDate.timeIntervalSince1970, input: stopInput), events: [event])
        try finishExecution(arn: arn, status: .aborted, error: error, cause: cause, stopDate: stopDate)
    }
}

/// A start waiting for the commit that stores it (``Store/createExecution(_:)``).
struct PendingCreate {
    let record: ExecutionRecord
    let continuation: CheckedContinuation<Void, any Error>
}

extension SQLiteConnection {
    /// Inserts one execution row.
    func insert(_ execution: ExecutionRecord) throws {
        try run(
            """
            INSERT INTO executions (\(Store.executionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            execution.arn, execution.name, execution.stateMachineArn, execution.revisionId,
            execution.definition, execution.status.rawValue, execution.input, execution.output, execution.error,
            execution.cause, execution.startDate.timeIntervalSince1970, execution.stopDate?.timeIntervalSince1970,
            execution.parentArn, Int(execution.seed), execution.virtualTime, execution.eventCount, execution.stateMachineVersionArn,
            execution.stateMachineAliasArn, execution.traceHeader, execution.redriveCount,
            execution.redriveDate?.timeIntervalSince1970)
    }
}

extension Store {
    /// Stores the executions `record(index)` makes for `index` in `range`, as they are, in one transaction, then
    /// checkpoints the write-ahead log into the database and truncates it: benchmarks build a database of a
    /// million stored executions with it (nothing runs them), left as one that grew over time would be (not a
    /// gigabyte of log and of pages the system has yet to write back, which the next commits would wait for).
    package func insertStored(_ range: Range<Int>, _ record: @Sendable (Int) -> ExecutionRecord) throws {
        let database = try database()
        try database.transaction {
            for index in range { try database.insert(record(index)) }
        }
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
