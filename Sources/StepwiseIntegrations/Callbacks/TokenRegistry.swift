import Foundation
import Stepwise
import Synchronization

/// The task tokens of tasks that wait for a callback (`.waitForTaskToken` tasks and activity tasks), and the
/// callbacks that complete them.
///
/// A handler ``open(_:heartbeat:)``s its token before it makes the call that hands the token out, then
/// ``wait(_:timedOut:)``s. A callback for an open token completes the wait; one for a token this process does
/// not hold is checked with the ``CallbackJournal`` (when there is one) and kept for the task's re-dispatch.
package actor TokenRegistry {
    struct Waiter {
        var heartbeat: @Sendable () async -> Void
        var continuation: CheckedContinuation<CallbackOutcome, any Error>?
        var outcome: CallbackOutcome?
    }

    /// How a token's task ended, for the error a late callback gets.
    enum Ending { case ended, timedOut }

    let journal: any CallbackJournal
    var waiters: [String: Waiter] = [:]
    var endings: [String: Ending] = [:]
    /// Endings of waits cancelled but not yet closed on the actor: a cancellation handler runs synchronously
    /// (when the engine stops or times out the task) and records the ending here at once, so a callback that
    /// arrives before the actor hop already gets TaskDoesNotExist or TaskTimedOut.
    nonisolated let cancelled = Mutex<[String: Ending]>([:])

    package init(journal: any CallbackJournal = ProcessCallbackJournal()) { self.journal = journal }

    /// Registers a token whose task is about to hand it out; answers the outcome already delivered for it (a
    /// callback saved before a restart), if any.
    package func open(_ token: String, heartbeat: @escaping @Sendable () async -> Void) async -> CallbackOutcome? {
        endings[token] = nil
        cancelled.withLock { $0[token] = nil }
        waiters[token] = Waiter(heartbeat: heartbeat)
        if let saved = await journal.outcome(of: token), waiters[token]?.outcome == nil { waiters[token]?.outcome = saved }
        return waiters[token]?.outcome
    }

    /// Waits for the token's callback. Cancellation (a stop, a time-out) ends the wait with `CancellationError`;
    /// `timedOut` tells which, so a late callback gets TaskTimedOut rather than TaskDoesNotExist.
    package func wait(_ token: String, timedOut: @escaping @Sendable () -> Bool) async throws -> CallbackOutcome {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<CallbackOutcome, any Error>) in
                guard var waiter = waiters[token], !Task.isCancelled else {
                    close(token, timedOut() ? .timedOut : .ended)
                    return continuation.resume(throwing: CancellationError())
                }
                if let outcome = waiter.outcome {
                    close(token, .ended)
                    return continuation.resume(returning: outcome)
                }
                waiter.continuation = continuation
                waiters[token] = waiter
            }
        } onCancel: {
            let ending: Ending = timedOut() ? .timedOut : .ended
            cancelled.withLock { $0[token] = ending }
            Task { await self.cancel(token, timedOut: ending == .timedOut) }
        }
    }

    /// Forgets a token whose task ended without waiting (its call failed).
    func abandon(_ token: String, timedOut: Bool) {
        close(token, timedOut ? .timedOut : .ended)
    }

    /// Whether a task waits for this token in this process.
    package func isWaiting(_ token: String) -> Bool { waiters[token] != nil && pendingCancellation(token) == nil }

    /// The ending of a wait whose cancellation has not reached the actor yet; closes the token with it.
    func pendingCancellation(_ token: String) -> Ending? {
        guard let ending = cancelled.withLock({ $0[token] }) else { return nil }
        cancel(token, timedOut: ending == .timedOut)
        return ending
    }

    func cancel(_ token: String, timedOut: Bool) {
        cancelled.withLock { $0[token] = nil }
        guard let waiter = waiters[token] else { return }
        close(token, timedOut ? .timedOut : .ended)
        waiter.continuation?.resume(throwing: CancellationError())
    }

    func close(_ token: String, _ ending: Ending) {
        waiters[token] = nil
        endings[token] = ending
    }
}
