import Foundation
import JSON
import Stepwise
import Synchronization

/// A ``Runtime`` with a memory: every execution it starts is recorded in the store step by step, and
/// `resumeAll()` carries on every execution a previous process left RUNNING (issue 4, "Resume after a crash").
///
/// Resume replays an execution's logged steps through a fresh interpreter with the same seed; Waits keep
/// their original deadlines (an expired one fires at once), retries their counts, finished branches and
/// iterations are not run again, and tasks that were in flight are dispatched again (at least once, as on AWS).
///
/// When the store refuses a write (a full disk), the execution concerned is stopped here rather than run on
/// unrecorded: the store keeps it RUNNING at its last committed step, never with a gap in its history. With
/// `resumeInterval`, the runtime retries the store's writes that often and resumes such executions from their
/// last recorded step once writes succeed; without it, they wait for the next process (`stepwise resume`).
/// Every such event is reported to `onNotice`.
public final class DurableRuntime: Sendable {
    package let store: Store
    package let runtime: Runtime
    let journal: StoreJournal
    let live = Mutex<[String: Live]>([:])
    let recovery: RecordingRecovery
    let onNotice: @Sendable (RecordingNotice) -> Void

    /// A running execution and the recording it writes through.
    struct Live {
        let execution: Execution
        let recording: Int
    }

    /// - Parameters:
    ///   - resumeInterval: how often to retry the store after a failed write and resume the executions it
    ///     stopped; nil leaves them to the next process.
    ///   - onNotice: told when recording stops or resumes, and of executions that cannot be resumed.
    public init(
        store: Store, runtime: Runtime, resumeInterval: Duration? = .seconds(1),
        onNotice: @escaping @Sendable (RecordingNotice) -> Void = { _ in }
    ) {
        self.store = store
        self.runtime = runtime
        self.onNotice = onNotice
        recovery = RecordingRecovery(store: store, interval: resumeInterval, onNotice: onNotice)
        journal = StoreJournal(store: store, recovery: recovery)
        recovery.attach(self)
    }

    /// Starts and records an execution of `machine`, whose exact definition text is `definition` (revision
    /// `revisionId` of the state machine, when it has one); `parentArn` links a nested execution to its parent.
    /// It runs on `clock`, else on the runtime's, and resumes on the same one.
    ///
    /// - Throws: `StartError`; a `StoreError` when the execution cannot be stored (the store's standing write
    ///   failure included): then nothing started.
    public func start(
        _ machine: StateMachine, definition: String, input: JSON, name: String? = nil, stateMachineArn: String? = nil, roleArn: String? = nil,
        revisionId: String? = nil, parentArn: String? = nil, clock: ClockKind? = nil
    ) async throws -> Execution {
        try await start(
            machine, definition: definition, input: input, name: name, stateMachineArn: stateMachineArn, roleArn: roleArn,
            revisionId: revisionId, parentArn: parentArn, clock: clock, versionArn: nil, aliasArn: nil)
    }

    /// As the other `start`, for an execution started through a version or an alias of its state machine: their
    /// ARNs are recorded with it (DescribeExecution, ListExecutions), and so is the X-Ray `traceHeader`.
    package func start(
        _ machine: StateMachine, definition: String, input: JSON, name: String?, stateMachineArn: String?, roleArn: String?,
        revisionId: String?, parentArn: String? = nil, clock: ClockKind? = nil, versionArn: String?, aliasArn: String?,
        traceHeader: String? = nil
    ) async throws -> Execution {
        let info = try runtime.prepare(machine, input: input, name: name, roleArn: roleArn, stateMachineArn: stateMachineArn, clock: clock)
        var record = ExecutionRecord(
            arn: info.arn, name: info.name, stateMachineArn: info.stateMachineArn, revisionId: revisionId, definition: definition,
            input: input.serialized(), startDate: info.startTime, parentArn: parentArn, seed: Int64(bitPattern: info.seed),
            virtualTime: info.clock == .virtual)
        record.stateMachineVersionArn = versionArn
        record.stateMachineAliasArn = aliasArn
        record.traceHeader = traceHeader
        try await store.createExecution(record)
        let recording = journal.recording()
        return track(await runtime.start(machine, info: info, journal: recording), recording: recording.id)
    }

    /// Resumes every execution the store has as RUNNING; returns them, running again.
    ///
    /// A record that cannot be resumed (an unreadable definition or step log) does not keep the others from
    /// resuming: it is reported to `onNotice` as ``RecordingNotice/notResumed(arn:error:)`` and stays RUNNING.
    public func resumeAll() async throws -> [Execution] {
        var resumed: [Execution] = []
        for record in try await store.runningExecutions() {
            do {
                resumed.append(try await resume(record))
            } catch {
                onNotice(.notResumed(arn: record.arn, error: error))
            }
        }
        return resumed
    }

    /// Rebuilds one stored execution from its step log and carries it on; one whose recording stopped after a
    /// failed write is recorded again from its last committed step. It runs on the clock it started with.
    ///
    /// - Throws: the store's standing write failure, for an execution whose recording stopped.
    package func resume(_ record: ExecutionRecord) async throws -> Execution {
        try await recovery.reattach(record.arn)
        let machineName = record.stateMachineArn.split(separator: ":").last.map(String.init) ?? "StateMachine"
        let machine = try StateMachine(text: record.definition, name: machineName)
        let roleArn = try await store.stateMachine(arn: record.stateMachineArn)?.roleArn ?? runtime.defaultRoleArn
        let info = ExecutionInfo(
            name: record.name, arn: record.arn, stateMachineName: machineName, stateMachineArn: record.stateMachineArn,
            roleArn: roleArn, input: try JSON(parsing: record.input), startTime: record.startDate,
            region: Self.region(of: record.arn) ?? runtime.region, seed: UInt64(bitPattern: record.seed),
            clock: record.virtualTime ? .virtual : .real)
        let steps = try await store.stepLog(arn: record.arn).map { row in
            guard let input = StepInput(json: try JSON(parsing: row.input)) else {
                throw StoreError(.invalidArgument, "unreadable step \(row.seq) of \(record.arn)")
            }
            return LoggedStep(time: Date(timeIntervalSince1970: row.timestamp), input: input)
        }
        let recording = journal.recording()
        let redrive = record.redriveDate.map { (count: record.redriveCount, date: $0) }
        return track(
            await runtime.resume(machine, info: info, steps: steps, journal: recording, redrive: redrive), recording: recording.id)
    }

    /// Redrives a stored execution that ended FAILED, TIMED_OUT or ABORTED (RedriveExecution): the store reopens it
    /// (RUNNING, one more redrive, dated), then it is replayed and carries on from the states that did not succeed,
    /// its history going on with ExecutionRedriven. It is recorded as any execution is, so a crash while it runs
    /// resumes it, and a crash before its redrive step was recorded redrives it at the next resume.
    ///
    /// The caller checks that it may be redriven (``Store/execution(arn:)``: its status, type, age and history);
    /// the store only checks its status.
    ///
    /// - Returns: the execution, running again, and its redrive date.
    /// - Throws: a `StoreError` (`.notFound`, `.invalidArgument` for an execution that is not FAILED, TIMED_OUT or
    ///   ABORTED) or an error reading its definition or step log.
    public func redrive(arn: String, clientToken: String? = nil, at date: Date = Date()) async throws -> (execution: Execution, redriveDate: Date) {
        await journal.barrier()  // the end of a run of this runtime must be stored before it reopens
        let record = try await store.reopenForRedrive(arn: arn, date: date, clientToken: clientToken)
        return (try await resume(record), record.redriveDate ?? date)
    }

    /// Executions this runtime stopped after a failed write, with the failure: each stays RUNNING in the store
    /// at its last recorded step until it resumes (``RecordingRecovery``).
    package var unrecordedExecutions: [String: StoreError] { recovery.unrecorded }

    /// Why this execution's recording stopped, if it did (and it has not resumed since).
    package func recordingFailure(arn: String) -> StoreError? { recovery.failure(arn: arn) }

    /// A running execution started or resumed by this runtime.
    package func execution(arn: String) -> Execution? { live.withLock { $0[arn]?.execution } }

    /// Returns once everything recorded before the call (steps, ends of executions) has reached the store, so
    /// a read that follows sees it (read-your-writes after StopExecution, say).
    package func sync() async { await journal.barrier() }

    /// Writes out everything recorded so far and closes the store (also when that last write fails: the store
    /// then keeps what it had committed). Running executions stay RUNNING in the store and resume at the next start.
    public func close() async throws {
        recovery.cancel()
        await journal.drain()
        try await store.close()
    }

    /// Makes every step recorded so far durable (committed); the runtime goes on recording.
    package func flush() async throws {
        await journal.barrier()
        try await store.flush()
    }

    /// Writes out everything recorded so far and stops recording, leaving the store open (for another runtime
    /// sharing it); call only when shutting down.
    package func drain() async throws {
        recovery.cancel()
        await journal.drain()
        try await store.flush()
    }

    private func track(_ execution: Execution, recording: Int) -> Execution {
        live.withLock { $0[execution.arn] = Live(execution: execution, recording: recording) }
        Task { [weak self] in
            _ = await execution.result
            self?.live.withLock { live in
                if live[execution.arn]?.recording == recording { live[execution.arn] = nil }
            }
        }
        return execution
    }

    static func region(of arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 3 && !parts[3].isEmpty ? String(parts[3]) : nil
    }
}
