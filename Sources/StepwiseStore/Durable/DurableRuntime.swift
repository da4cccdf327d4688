import Foundation
import JSON
import Stepwise
import Synchronization

/// The engine with a memory: every execution it starts is recorded in the store step by step, and
/// `resumeAll()` carries on every execution a previous process left RUNNING (issue 4, "Resume after a crash").
///
/// Resume replays an execution's logged steps through a fresh interpreter with the same seed; Waits keep
/// their original deadlines (an expired one fires at once), retries their counts, finished branches and
/// iterations are not run again, and tasks that were in flight are dispatched again (at least once, as on AWS).
public final class DurableRuntime: Sendable {
    public let store: Store
    public let runtime: Runtime
    private let journal: StoreJournal
    private let live = Mutex<[String: Execution]>([:])

    public init(store: Store, runtime: Runtime) {
        self.store = store
        self.runtime = runtime
        journal = StoreJournal(store: store)
    }

    /// Starts and records an execution of `machine`, whose exact definition text is `definition` (revision
    /// `revisionId` of the state machine, when it has one); `parentArn` links a nested execution to its parent.
    public func start(
        _ machine: StateMachine, definition: String, input: JSON, name: String? = nil, stateMachineArn: String? = nil, roleArn: String? = nil,
        revisionId: String? = nil, parentArn: String? = nil
    ) async throws -> Execution {
        let info = try runtime.prepare(machine, input: input, name: name, roleArn: roleArn, stateMachineArn: stateMachineArn)
        try await store.createExecution(ExecutionRecord(
            arn: info.arn, name: info.name, stateMachineArn: info.stateMachineArn, revisionId: revisionId, definition: definition, input: input.serialized(),
            startDate: info.startTime, parentArn: parentArn, seed: Int64(bitPattern: info.seed), virtualTime: runtime.clock == .virtual))
        return track(await runtime.start(machine, info: info, journal: journal))
    }

    /// Resumes every execution the store has as RUNNING; returns them, running again.
    public func resumeAll() async throws -> [Execution] {
        var resumed: [Execution] = []
        for record in try await store.runningExecutions() {
            resumed.append(try await resume(record))
        }
        return resumed
    }

    /// Rebuilds one stored execution from its step log and carries it on.
    public func resume(_ record: ExecutionRecord) async throws -> Execution {
        let machineName = record.stateMachineArn.split(separator: ":").last.map(String.init) ?? "StateMachine"
        let machine = try StateMachine(text: record.definition, name: machineName)
        let roleArn = try await store.stateMachine(arn: record.stateMachineArn)?.roleArn ?? runtime.defaultRoleArn
        let info = ExecutionInfo(
            name: record.name, arn: record.arn, stateMachineName: machineName, stateMachineArn: record.stateMachineArn,
            roleArn: roleArn, input: try JSON(parsing: record.input), startTime: record.startDate,
            region: Self.region(of: record.arn) ?? runtime.region, seed: UInt64(bitPattern: record.seed))
        let steps = try await store.stepLog(arn: record.arn).map { row in
            guard let input = StepInput(json: try JSON(parsing: row.input)) else {
                throw StoreError(.invalidArgument, "unreadable step \(row.seq) of \(record.arn)")
            }
            return LoggedStep(time: Date(timeIntervalSince1970: row.timestamp), input: input)
        }
        return track(await runtime.resume(machine, info: info, steps: steps, journal: journal))
    }

    /// A running execution started or resumed by this runtime.
    public func execution(arn: String) -> Execution? { live.withLock { $0[arn] } }

    /// Returns once everything recorded before the call (steps, ends of executions) has reached the store, so
    /// a read that follows sees it (read-your-writes after StopExecution, say).
    public func sync() async { await journal.barrier() }

    /// The last failure to write to the store, if any (the executions go on, but are no longer all durable).
    public var lastStoreFailure: StoreError? { journal.lastFailure }

    /// Writes out everything recorded so far and closes the store. Running executions stay RUNNING in the
    /// store and resume at the next start.
    public func close() async throws {
        try await drain()
        try await store.close()
    }

    /// Makes every step recorded so far durable (committed); the runtime goes on recording.
    public func flush() async throws {
        await journal.barrier()
        try await store.flush()
    }

    /// Writes out everything recorded so far and stops recording, leaving the store open (for another runtime
    /// sharing it); call only when shutting down.
    public func drain() async throws {
        await journal.drain()
        try await store.flush()
    }

    private func track(_ execution: Execution) -> Execution {
        live.withLock { $0[execution.arn] = execution }
        Task { [weak self] in
            _ = await execution.result
            self?.live.withLock { $0[execution.arn] = nil }
        }
        return execution
    }

    static func region(of arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 3 && !parts[3].isEmpty ? String(parts[3]) : nil
    }
}
