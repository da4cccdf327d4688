import Foundation
import Stepwise
import Synchronization

/// What a durable runtime reports about recording; `stepwise serve` prints each on stderr.
public enum RecordingNotice: Sendable, CustomStringConvertible {
    /// The store refused a write of this execution: it was stopped here and stays RUNNING in the store at its
    /// last recorded step.
    case stopped(arn: String, error: StoreError)
    /// Writes succeed again: these executions resumed from their last recorded step.
    case resumed(arns: [String])
    /// This execution could not be resumed (an unreadable record, say); it stays RUNNING in the store.
    case notResumed(arn: String, error: any Error)

    public var description: String {
        switch self {
        case .stopped(let arn, let error):
            "cannot record execution \(arn) (\(error.kind.rawValue): \(error.message)): stopped here, it stays RUNNING "
                + "at its last recorded step and resumes from there once writes succeed again"
        case .resumed(let arns): "writes succeed again: resumed \(arns.count) execution(s) from their last recorded step"
        case .notResumed(let arn, let error): "cannot resume execution \(arn): \(error); it stays RUNNING in the store"
        }
    }
}

extension DurableRuntime {
    /// Executions stopped after a failed write, waiting to resume.
    struct Recovery {
        var unrecorded: [String: StoreError] = [:]
        var task: Task<Void, Never>?
    }

    /// Executions this runtime stopped after a failed write, with the failure: each stays RUNNING in the store
    /// at its last recorded step until it resumes.
    public var unrecordedExecutions: [String: StoreError] { recovery.withLock { $0.unrecorded } }

    /// Why this execution's recording stopped, if it did (and it has not resumed since).
    public func recordingFailure(arn: String) -> StoreError? { recovery.withLock { $0.unrecorded[arn] } }

    /// The journal refused a write of one recording: stops that execution here (unless a newer recording
    /// already replaced it) and, with a `resumeInterval`, starts retrying.
    func recordingFailed(_ failure: StoreJournal.Failure) {
        let (current, superseded) = live.withLock { live in
            guard let entry = live[failure.arn] else { return (nil as Execution?, false) }
            return entry.recording == failure.recording ? (entry.execution, false) : (nil, true)
        }
        guard !superseded else { return }
        recovery.withLock { recovery in
            recovery.unrecorded[failure.arn] = failure.error
            guard recovery.task == nil, let interval = resumeInterval else { return }
            recovery.task = Task { [weak self] in await self?.recover(every: interval) }
        }
        if let current {
            let cause = "The store could not record the execution (\(failure.error.kind.rawValue)); it stays RUNNING at its last recorded step."
            Task { await current.stop(cause: cause) }
        }
        onNotice(.stopped(arn: failure.arn, error: failure.error))
    }

    /// Retries the store's writes every `interval`; once they succeed, resumes every unrecorded execution from
    /// its last recorded step. Ends when none is left (or on cancellation, at shutdown).
    private func recover(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            if await store.retryWrites() {
                await journal.barrier()  // the stopped recordings' last items are dropped before anything resumes
                let resumed = await resumeUnrecorded()
                if !resumed.isEmpty { onNotice(.resumed(arns: resumed)) }
            }
            let done = recovery.withLock { recovery in
                guard recovery.unrecorded.isEmpty else { return false }
                recovery.task = nil
                return true
            }
            if done { return }
        }
    }

    /// Resumes the unrecorded executions while the store accepts writes; answers the ARNs resumed.
    private func resumeUnrecorded() async -> [String] {
        var resumed: [String] = []
        for arn in recovery.withLock({ $0.unrecorded.keys.sorted() }) {
            do {
                try await store.resumeRecording(arn: arn)
            } catch {
                break  // failing again: the next round retries
            }
            recovery.withLock { _ = $0.unrecorded.removeValue(forKey: arn) }
            do {
                guard let record = try await store.execution(arn: arn), record.status == .running else { continue }
                _ = try await resume(record)
                resumed.append(arn)
            } catch {
                onNotice(.notResumed(arn: arn, error: error))
            }
        }
        return resumed
    }
}

/// Carries the journal's failures to the runtime, which does not exist yet when its journal is made.
final class FailureRelay: Sendable {
    let target = Mutex<Weak?>(nil)

    /// A weak reference, so the journal's consumer task does not keep its runtime alive.
    struct Weak: Sendable {
        weak var runtime: DurableRuntime?
        init(_ runtime: DurableRuntime) { self.runtime = runtime }
    }

    func forward(_ failure: StoreJournal.Failure) {
        target.withLock { $0?.runtime }?.recordingFailed(failure)
    }
}
