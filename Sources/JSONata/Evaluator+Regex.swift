import Foundation
import StepwiseRegex

/// Regex matching under the evaluation's limits: the engine checks the deadline as it backtracks, so a
/// catastrophic pattern fails with the same U1001 as any runaway expression.
extension Evaluator {
    /// A budget that stops a match once the evaluation's deadline has passed (no deadline: only the engine's
    /// bound on its backtracking stack).
    func regexBudget() -> RegexBudget {
        guard let deadline else { return RegexBudget() }
        return RegexBudget { DispatchTime.now().uptimeNanoseconds > deadline }
    }

    /// The first match of `regex` in `units` at or after `from`, stopped by the deadline like `regexBudget()`.
    func firstMatch(_ regex: ECMARegex, in units: [UInt16], from: Int = 0) throws(JSONataError) -> RegexCaptures? {
        var budget = regexBudget()
        do {
            return try regex.firstMatch(in: units, from: from, budget: &budget)
        } catch {
            throw regexStopped(error)
        }
    }

    /// The error for a match the budget stopped: U1001 for time, U1002 when its backtracking stack grew too deep.
    func regexStopped(_ interruption: RegexInterruption) -> JSONataError {
        switch interruption {
        case .stepLimit, .cancelled: Self.timeout()
        case .backtrackLimit: Self.memoryLimit()
        }
    }
}
