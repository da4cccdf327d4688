/// How much work a match may do: steps (each instruction and each backtrack is one), a cancellation check
/// called every 1,024 steps, and the depth of the backtracking stack (its memory).
///
/// One budget can be passed to several searches (a global replace, every item of a filter), so their total
/// is what is bounded.
package struct RegexBudget {
    package var steps: Int
    /// Entries on the backtracking stack (16 bytes each) one search may hold.
    package var maxBacktrackEntries: Int
    /// Answers true when the match must stop (a deadline passed, the execution was stopped).
    package var isCancelled: (() -> Bool)?

    package init(steps: Int = .max, maxBacktrackEntries: Int = 4_000_000, isCancelled: (() -> Bool)? = nil) {
        self.steps = steps
        self.maxBacktrackEntries = maxBacktrackEntries
        self.isCancelled = isCancelled
    }

    /// Interval, in steps, between cancellation checks: frequent enough to stop within microseconds, rare
    /// enough to cost nothing.
    static let checkInterval = 1024
}

/// Why a match stopped before finding its answer.
package enum RegexInterruption: Error, Equatable {
    /// The budget's steps ran out.
    case stepLimit
    /// `isCancelled` answered true.
    case cancelled
    /// The backtracking stack reached `maxBacktrackEntries` (or the text has 2^31 units or more, which its
    /// 32-bit entries cannot address).
    case backtrackLimit
}
