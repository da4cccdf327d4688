import Foundation
import StepwiseRegex

/// Regex matching under the evaluation's limits: the engine checks the deadline as it backtracks, so a
/// catastrophic pattern fails with the same U1001 as any runaway expression.
extension Evaluator {
    /// A budget that stops a match once the evaluation's deadline or its inline budget has passed or its interrupt
    /// is requested (none of them: only the engine's bound on its backtracking stack).
    func regexBudget() -> RegexBudget {
        guard deadline != nil || budget != nil || interrupt != nil else { return RegexBudget() }
        let (deadline, budget, interrupt) = (self.deadline ?? .max, self.budget ?? .max, self.interrupt)
        return RegexBudget {
            if interrupt?.isRequested == true { return true }
            let now = DispatchTime.now().uptimeNanoseconds
            return now > deadline || now > budget
        }
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
        case .stepLimit, .cancelled:
            if interrupt?.isRequested == true {
                Self.interrupted()
            } else if let budget, DispatchTime.now().uptimeNanoseconds > budget {
                Self.needsLargeStack
            } else {
                Self.timeout()
            }
        case .backtrackLimit: Self.memoryLimit()
        }
    }
}
