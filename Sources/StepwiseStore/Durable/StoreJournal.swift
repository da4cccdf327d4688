import Foundation
import JSON
import Stepwise
import Synchronization

/// Writes every step of every execution to the store, in order, without ever blocking the engine.
///
/// `record` is called synchronously from an execution's actor; it only yields into an unbounded stream. One
/// consumer task appends the steps to the store in that order, where group commit makes them durable within
/// ~10 ms (a crash loses at most that window, and never half a step).
final class StoreJournal: ExecutionJournal {
    enum Item: Sendable {
        case step(arn: String, row: StepRow, events: [EventRow], mapRuns: MapRunRows?)
        case finished(arn: String, result: ExecutionResult)
        /// Resumed by the consumer once every item before it is written.
        case barrier(CheckedContinuation<Void, Never>)
    }

    private let continuation: AsyncStream<Item>.Continuation
    private let store: Store
    private let consumer: Task<Void, Never>
    private let failure = FailureBox()

    /// The last write failure, shared with the consumer task (a Mutex cannot be captured by value).
    final class FailureBox: Sendable {
        let value = Mutex<StoreError?>(nil)
    }

    init(store: Store) {
        let (stream, continuation) = AsyncStream<Item>.makeStream()
        self.continuation = continuation
        self.store = store
        let failure = failure
        consumer = Task {
            for await item in stream {
                do {
                    try await Self.write(item, to: store)
                } catch {
                    failure.value.withLock { $0 = error as? StoreError ?? StoreError(.sqlite, "\(error)") }
                }
            }
        }
    }

    private static func write(_ item: Item, to store: Store) async throws {
        switch item {
        case .step(let arn, let row, let events, nil): try await store.append(arn: arn, step: row, events: events)
        case .step(let arn, let row, let events, let mapRuns?): try await store.append(arn: arn, step: row, events: events, mapRuns: mapRuns)
        case .finished(let arn, let result):
            try await store.finishExecution(
                arn: arn, status: ExecutionRecord.Status(result.status), output: result.output?.serialized(), error: result.error,
                cause: result.cause, stopDate: result.stopDate ?? Date())
        case .barrier(let continuation): continuation.resume()
        }
    }

    func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent]) {
        record(execution: execution, sequence: sequence, time: time, input: input, events: events, mapRuns: MapRunChanges())
    }

    func record(execution: ExecutionInfo, sequence: Int, time: Date, input: StepInput, events: [HistoryEvent], mapRuns: MapRunChanges) {
        let row = StepRow(seq: sequence, timestamp: time.timeIntervalSince1970, input: input.json.serialized())
        let rows = mapRuns.isEmpty ? nil : MapRunRows(mapRuns)
        continuation.yield(.step(arn: execution.arn, row: row, events: events.map(EventRow.init), mapRuns: rows))
    }

    func finished(execution: ExecutionInfo, result: ExecutionResult) {
        continuation.yield(.finished(arn: execution.arn, result: result))
    }

    /// The last write failure (a full disk, say), if any: the store then no longer holds every step.
    var lastFailure: StoreError? { failure.value.withLock { $0 } }

    /// Waits until everything recorded so far has reached the store (at once after ``drain()``).
    func barrier() async {
        await withCheckedContinuation { continuation in
            if case .terminated = self.continuation.yield(.barrier(continuation)) { continuation.resume() }
        }
    }

    /// Waits until every step recorded so far is committed (the driver's write-ahead wait before it dispatches).
    /// A failed commit is kept as ``lastFailure`` and the wait ends anyway: the execution goes on, no longer durable.
    func durable(execution: ExecutionInfo, sequence: Int) async {
        await barrier()
        do { try await store.flush() } catch {
            failure.value.withLock { $0 = error as? StoreError ?? StoreError(.sqlite, "\(error)") }
        }
    }

    /// Waits until everything recorded so far has reached the store; no more records are accepted.
    func drain() async {
        continuation.finish()
        await consumer.value
    }
}
