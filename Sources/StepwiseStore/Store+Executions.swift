import Foundation
import JSON

extension Store {
    /// Stores a new execution.
    ///
    /// - Throws: `.alreadyExists` when an execution with that ARN exists; the standing write failure (retried
    ///   first), since an execution started now could not be recorded.
    public func createExecution(_ execution: ExecutionRecord) throws {
        if log.failure != nil, !retryWrites(), let failure = log.failure {
            throw StoreError(failure.kind, "cannot record a new execution: \(failure.message)", code: failure.code)
        }
        do {
            try database().run("""
                INSERT INTO executions (\(Self.executionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, execution.arn, execution.name, execution.stateMachineArn, execution.revisionId,
                execution.definition, execution.status.rawValue, execution.input, execution.output, execution.error,
                execution.cause, execution.startDate.timeIntervalSince1970, execution.stopDate?.timeIntervalSince1970,
                execution.parentArn, Int(execution.seed), execution.virtualTime, execution.eventCount)
        } catch let error as StoreError where error.isDuplicate {
            throw StoreError(.alreadyExists, "Execution Already Exists: '\(execution.arn)'", code: error.code)
        }
    }

    /// The execution with this ARN, or nil; its `eventCount` includes every accepted append.
    public func execution(arn: String) throws -> ExecutionRecord? {
        settle()
        return try database().rows("SELECT \(Self.executionColumns) FROM executions WHERE arn = ?", arn,
                                   row: Self.execution).first
    }

    /// The newest execution of a state machine with this name, or nil (StartExecution's idempotency check).
    public func execution(name: String, stateMachineArn: String) throws -> ExecutionRecord? {
        settle()
        return try database().rows("""
            SELECT \(Self.executionColumns) FROM executions WHERE state_machine_arn = ? AND name = ?
            ORDER BY start_date DESC LIMIT 1
            """, stateMachineArn, name, row: Self.execution).first
    }

    /// The newest execution with this name (a job id) or ARN, whatever its state machine.
    public func execution(nameOrArn: String) throws -> ExecutionRecord? {
        if nameOrArn.hasPrefix("arn:") { return try execution(arn: nameOrArn) }
        settle()
        return try database().rows(
            "SELECT \(Self.executionColumns) FROM executions WHERE name = ? ORDER BY start_date DESC LIMIT 1", nameOrArn,
            row: Self.execution
        ).first
    }

    /// Every RUNNING execution, oldest first: what the engine resumes after a restart.
    public func runningExecutions() throws -> [ExecutionRecord] {
        settle()
        return try database().rows("""
            SELECT \(Self.executionColumns) FROM executions WHERE status = 'RUNNING' ORDER BY start_date, arn
            """, row: Self.execution)
    }

    /// Records how an execution ended, in the same transaction as every queued log append, and closes its log.
    ///
    /// A failed commit stops the execution's recording as a refused append does (see
    /// ``append(arn:step:events:)``): it stays RUNNING at its last committed step.
    ///
    /// - Throws: `.notFound` for an unknown ARN; `.invalidArgument` when it already finished; `.notRecorded`
    ///   when its recording stopped; the write failure.
    public func finishExecution(arn: String, status: ExecutionRecord.Status, output: String? = nil,
                                error: String? = nil, cause: String? = nil, stopDate: Date) throws {
        try checkRecorded(arn)
        commitTask?.cancel()
        commitTask = nil
        let changed: Int
        do {
            changed = try commit { database in
                try database.run("""
                    UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ?
                    WHERE arn = ? AND status = 'RUNNING'
                    """, status.rawValue, output, error, cause, stopDate.timeIntervalSince1970, arn)
            }
        } catch {
            if log.failure == nil { recordFailure(error) }
            log.detached[arn] = log.failure
            throw error
        }
        log.tails[arn] = nil
        guard changed == 0 else { return }
        guard try execution(arn: arn) != nil else { throw StoreError(.notFound, "Execution Does Not Exist: '\(arn)'") }
        throw StoreError(.invalidArgument, "execution \(arn) has already finished")
    }
}

extension Store {
    /// Stops a RUNNING execution that no runtime drives: appends one last step (`stopInput`, the engine's encoding
    /// of the stop) with `abortedEvent` as the event after its last recorded one, and finishes it ABORTED, all in
    /// one transaction. The event's id is assigned here.
    ///
    /// - Throws: `.notFound`; `.invalidArgument` when it is not RUNNING; `.notRecorded` while its recording is
    ///   stopped; the write failure.
    public func abortExecution(
        arn: String, stopInput: String, abortedEvent: EventRow, error: String?, cause: String?, stopDate: Date
    ) throws {
        try checkRecorded(arn)
        let tail = try logTail(arn)
        var event = abortedEvent
        event.id = tail.eventId + 1
        try append(arn: arn, step: StepRow(seq: tail.seq + 1, timestamp: stopDate.timeIntervalSince1970, input: stopInput), events: [event])
        try finishExecution(arn: arn, status: .aborted, error: error, cause: cause, stopDate: stopDate)
    }
}
