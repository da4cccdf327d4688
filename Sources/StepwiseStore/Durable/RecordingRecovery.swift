import Foundation
import Stepwise
import Synchronization

/// The one owner of a failed write's path through a durable runtime, from the refused write to the resumed
/// execution.
///
/// 1. The store refuses a write of one recording (a full disk): that recording stops for good, its later steps
///    and its end are dropped, so the stored history keeps no gap (``write(recording:arn:_:)``).
/// 2. Its execution is stopped here (unless a newer recording already replaced it) and listed as unrecorded;
///    `onNotice` is told.
/// 3. With an `interval`, the store's writes are retried that often; once they succeed, every unrecorded
///    execution is recorded again from its last committed step and resumed. Without one, they wait for the next
///    process (`stepwise resume`).
final class RecordingRecovery: Sendable {
    private struct State {
        /// Recordings a write of which failed: nothing more of theirs is written.
        var stopped: Set<Int> = []
        /// Executions stopped after a failed write, with the failure, waiting to resume.
        var unrecorded: [String: StoreError] = [:]
        /// The retry loop, while one runs.
        var task: Task<Void, Never>?
        /// The runtime whose executions are stopped and resumed; weak, so the journal's consumer task, which
        /// reports failures here, does not keep it alive.
        weak var runtime: DurableRuntime?
    }

    private let state = Mutex(State())
    private let store: Store
    private let interval: Duration?
    private let onNotice: @Sendable (RecordingNotice) -> Void

    init(store: Store, interval: Duration?, onNotice: @escaping @Sendable (RecordingNotice) -> Void) {
        self.store = store
        self.interval = interval
        self.onNotice = onNotice
    }

    /// Sets the runtime to stop and resume executions of (made after its journal, which reports here).
    func attach(_ runtime: DurableRuntime) { state.withLock { $0.runtime = runtime } }

    /// Executions stopped after a failed write, with the failure.
    var unrecorded: [String: StoreError] { state.withLock { $0.unrecorded } }

    /// Why `arn`'s recording stopped, if it did and it has not resumed since.
    func failure(arn: String) -> StoreError? { state.withLock { $0.unrecorded[arn] } }

    /// Writes one item of `recording` (of execution `arn`) with `write`, unless that recording stopped; a write
    /// the store refuses stops it, and its execution with it.
    func write(recording: Int, arn: String, _ write: () async throws -> Void) async {
        guard !state.withLock({ $0.stopped.contains(recording) }) else { return }
        do {
            try await write()
        } catch {
            state.withLock { _ = $0.stopped.insert(recording) }
            failed(recording: recording, arn: arn, error: error as? StoreError ?? StoreError(.sqlite, "\(error)"))
        }
    }

    /// Lets `arn` be recorded again from its last committed step; it is no longer unrecorded.
    ///
    /// - Throws: the store's standing write failure.
    func reattach(_ arn: String) async throws {
        try await store.resumeRecording(arn: arn)
        state.withLock { _ = $0.unrecorded.removeValue(forKey: arn) }
    }

    /// Ends the retry loop (at shutdown).
    func cancel() { state.withLock { $0.task?.cancel() } }

    /// Stops the execution of a refused recording (unless a newer recording already replaced it) and, with an
    /// interval, starts retrying.
    private func failed(recording: Int, arn: String, error: StoreError) {
        guard let runtime = state.withLock({ $0.runtime }) else { return }
        let (current, superseded) = runtime.live.withLock { live in
            guard let entry = live[arn] else { return (nil as Execution?, false) }
            return entry.recording == recording ? (entry.execution, false) : (nil, true)
        }
        guard !superseded else { return }
        state.withLock { state in
            state.unrecorded[arn] = error
            guard state.task == nil, let interval else { return }
            state.task = Task { [weak self] in await self?.recover(every: interval, runtime: runtime) }
        }
        if let current {
            let cause = "The store could not record the execution (\(error.kind.rawValue)); it stays RUNNING at its last recorded step."
            Task { await current.stop(cause: cause) }
        }
        onNotice(.stopped(arn: arn, error: error))
    }

    /// Retries the store's writes every `interval`; once they succeed, resumes every unrecorded execution from
    /// its last recorded step. Ends when none is left (or on cancellation, at shutdown).
    private func recover(every interval: Duration, runtime: DurableRuntime) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            if await store.retryWrites() {
                await runtime.journal.barrier()  // the stopped recordings' last items are dropped before anything resumes
                let resumed = await resumeUnrecorded(runtime)
                if !resumed.isEmpty { onNotice(.resumed(arns: resumed)) }
            }
            let done = state.withLock { state in
                guard state.unrecorded.isEmpty else { return false }
                state.task = nil
                return true
            }
            if done { return }
        }
    }

    /// Resumes the unrecorded executions while the store accepts writes; answers the ARNs resumed.
    private func resumeUnrecorded(_ runtime: DurableRuntime) async -> [String] {
        var resumed: [String] = []
        for arn in state.withLock({ $0.unrecorded.keys.sorted() }) {
            do {
                try await reattach(arn)
            } catch {
                break  // failing again: the next round retries
            }
            do {
                guard let record = try await store.execution(arn: arn), record.status == .running else { continue }
                _ = try await runtime.resume(record)
                resumed.append(arn)
            } catch {
                onNotice(.notResumed(arn: arn, error: error))
            }
        }
        return resumed
    }
}
