import Foundation
import JSON
import Stepwise
import Synchronization

/// Writes every step of every execution to the store, in order, without ever blocking the engine.
///
/// `record` is called synchronously from an execution's actor; it only yields into an unbounded stream. One
/// consumer task appends the steps to the store in that order, where group commit makes them durable within
/// ~10 ms (a crash loses at most that window, and never half a step).
///
/// Each start or resume of an execution records through its own ``Recording``, and every write of a recording
/// goes through ``RecordingRecovery``, which owns what follows a refused write (a full disk): that recording
/// stops for good, its execution is stopped, and it may resume from the store later under a new recording (the
/// old one's items still queued are then never written).
final class StoreJournal: Sendable {
    enum Item: Sendable {
        /// A step as the engine recorded it: encoded for the store (`EncodedStep`) by the consumer, off the execution's thread.
        case step(recording: Int, arn: String, step: RecordedStep)
        case finished(recording: Int, arn: String, result: ExecutionResult)
        /// Resumed by the consumer once every item before it is written.
        case barrier(CheckedContinuation<Void, Never>)
    }

    /// One execution's way into the journal, from its start or resume to its end.
    struct Recording: ExecutionJournal {
        let journal: StoreJournal
        let id: Int

        /// A step and the Map Runs and child executions it changed: written in one commit, or not at all.
        func record(execution: ExecutionInfo, step: RecordedStep) {
            journal.continuation.yield(.step(recording: id, arn: execution.arn, step: step))
        }

        func durable(execution: ExecutionInfo, sequence: Int) async { await journal.durable() }

        func finished(execution: ExecutionInfo, result: ExecutionResult) {
            journal.continuation.yield(.finished(recording: id, arn: execution.arn, result: result))
        }
    }

    private let continuation: AsyncStream<Item>.Continuation
    private let store: Store
    private let consumer: Task<Void, Never>
    private let lastRecording = Mutex(0)

    init(store: Store, recovery: RecordingRecovery) {
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        self.continuation = continuation
        self.store = store
        consumer = Task {
            for await item in stream {
                guard let recording = item.recording, let arn = item.arn else {
                    try? await Self.write(item, to: store)  // a barrier
                    continue
                }
                await recovery.write(recording: recording, arn: arn) { try await Self.write(item, to: store) }
            }
        }
    }

    /// A new recording for an execution that starts or resumes.
    func recording() -> Recording {
        Recording(
            journal: self,
            id: lastRecording.withLock {
                $0 += 1
                return $0
            })
    }

    private static func write(_ item: Item, to store: Store) async throws {
        switch item {
        case .step(_, let arn, let step):
            // Encoding the step's input and events here, on the consumer, lets the execution run on meanwhile.
            let row = StepRow(seq: step.sequence, timestamp: step.time.timeIntervalSince1970, input: step.input.json.serialized())
            let encoded = EncodedStep(step: row, events: step.events)
            if step.mapRuns.isEmpty {
                try await store.append(arn: arn, encoded: encoded)
            } else {
                try await store.append(arn: arn, encoded: encoded, mapRuns: MapRunRows(step.mapRuns))
            }
        case .finished(_, let arn, let result):
            try await store.finishExecution(
                arn: arn, status: ExecutionRecord.Status(result.status), output: result.output?.serialized(), error: result.error,
                cause: result.cause, stopDate: result.stopDate ?? Date())
        case .barrier(let continuation): continuation.resume()
        }
    }

    /// Waits until everything recorded so far has reached the store (at once after ``drain()``).
    func barrier() async {
        await withCheckedContinuation { continuation in
            if case .terminated = self.continuation.yield(.barrier(continuation)) { continuation.resume() }
        }
    }

    /// Waits until every step recorded so far is committed (the driver's write-ahead wait before it dispatches a
    /// task). A commit that fails ends the wait too: the failing recording is stopped (``RecordingRecovery``), and its
    /// execution with it, so the task never runs unrecorded for long.
    func durable() async {
        await barrier()
        try? await store.flush()
    }

    /// Waits until everything recorded so far has reached the store; no more records are accepted.
    func drain() async {
        continuation.finish()
        await consumer.value
    }
}

extension StoreJournal.Item {
    var recording: Int? {
        switch self {
        case .step(let recording, _, _), .finished(let recording, _, _): recording
        case .barrier: nil
        }
    }

    var arn: String? {
        switch self {
        case .step(_, let arn, _), .finished(_, let arn, _): arn
        case .barrier: nil
        }
    }
}
