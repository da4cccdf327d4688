import Foundation

/// A state waiting out its Retry backoff before it is tried again (asl-reference §5.2): for the progress display.
package struct RetryInProgress: Sendable, Equatable {
    package var stateName: String
    /// The retry about to run: 1 for the first retry of the matching retrier.
    package var attempt: Int
    /// The retrier's MaxAttempts.
    package var maxAttempts: Int
    /// The error the retrier matched.
    package var error: String
    /// When the state is tried again.
    package var nextTry: Date

    package init(stateName: String, attempt: Int, maxAttempts: Int, error: String, nextTry: Date) {
        self.stateName = stateName
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.error = error
        self.nextTry = nextTry
    }
}

extension Interpreter {
    /// Every state of the execution (Map iterations and Distributed Map children included) waiting to be retried,
    /// soonest first.
    package var retriesInProgress: [RetryInProgress] {
        // From the pending timers (a few), not the frames (a Distributed Map's run can have many thousands).
        timers.compactMap { id, purpose -> RetryInProgress? in
            guard case .retry(let frameId) = purpose, frames[frameId].alive, let retry = frames[frameId].retry, let deadline = timerDeadlines[id]
            else { return nil }
            let state = frames[frameId].state
            return RetryInProgress(
                stateName: state.name, attempt: frames[frameId].retryCounts[retry.retrier], maxAttempts: state.retriers[retry.retrier].maxAttempts,
                error: retry.error, nextTry: deadline)
        }.sorted { ($0.nextTry, $0.stateName) < ($1.nextTry, $1.stateName) }
    }
}
