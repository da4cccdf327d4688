import Foundation
import JSON
import StatesLanguage
import Stepwise

extension TokenRegistry {
    /// SendTaskSuccess: completes the token's task with `output`.
    /// - Throws: InvalidOutput (over 256 KiB), InvalidToken, TaskDoesNotExist, TaskTimedOut.
    package func sendTaskSuccess(token: String, output: JSON) async throws(CallbackError) {
        guard PayloadLimit.fits(output) else { throw .invalidOutput("Output exceeds \(PayloadLimit.maxBytes) bytes") }
        try await deliver(token, .success(output))
    }

    /// SendTaskFailure: fails the token's task with `error` and `cause`.
    /// - Throws: InvalidToken, TaskDoesNotExist, TaskTimedOut.
    package func sendTaskFailure(token: String, error: String? = nil, cause: String? = nil) async throws(CallbackError) {
        try await deliver(token, .failure(error: error, cause: cause))
    }

    /// SendTaskHeartbeat: restarts the task's HeartbeatSeconds clock.
    /// - Throws: InvalidToken, TaskDoesNotExist, TaskTimedOut.
    package func sendTaskHeartbeat(token: String) async throws(CallbackError) {
        _ = pendingCancellation(token)
        if let waiter = waiters[token] { return await waiter.heartbeat() }
        try await checkAbsent(token)
    }

    /// Completes a waiting task, or keeps the outcome for an open task that is not waiting in this process.
    func deliver(_ token: String, _ outcome: CallbackOutcome) async throws(CallbackError) {
        _ = pendingCancellation(token)
        if waiters[token] == nil { try await checkAbsent(token) }
        guard (try? await journal.save(token, outcome)) ?? true else {
            if waiters[token] == nil { throw .taskDoesNotExist }
            return
        }
        guard var waiter = waiters[token] else { return }  // kept in the journal for the re-dispatch
        if let continuation = waiter.continuation {
            close(token, .ended)
            continuation.resume(returning: outcome)
        } else if waiter.outcome == nil {
            waiter.outcome = outcome
            waiters[token] = waiter
        }
    }

    /// For a token no task here waits on: succeeds when the journal says its task is still open.
    func checkAbsent(_ token: String) async throws(CallbackError) {
        switch endings[token] {
        case .timedOut?: throw .taskTimedOut
        case .ended?: throw .taskDoesNotExist
        case nil: break
        }
        switch await journal.status(of: token) {
        case .unknown: throw .invalidToken
        case .closed: throw .taskDoesNotExist
        case .open: return
        }
    }
}
