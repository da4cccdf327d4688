/// What happened to a state in one execution, as the picture colours it.
///
/// A state visited several times (a loop, Map iterations) shows the most telling of its visits, in the order
/// of the cases: a failure outweighs a catch, a catch a run in progress, and so on.
package enum StateStatus: String, Sendable, CaseIterable, Comparable {
    /// A visit failed and nothing caught it in this state.
    case failed
    /// A visit failed and one of the state's Catch rules took over.
    case caught
    /// Entered and not finished yet.
    case running
    /// Stopped before it finished: the execution (or its enclosing branch) was aborted or timed out.
    case aborted
    /// Succeeded after one or more retries.
    case retried
    case succeeded
    /// Never entered.
    case notReached = "not-reached"

    package static func < (lhs: StateStatus, rhs: StateStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The legend's words.
    package var title: String {
        switch self {
        case .notReached: "not reached"
        default: rawValue
        }
    }

    /// Fill, stroke and text colours.
    package var colours: (fill: String, stroke: String, text: String) {
        switch self {
        case .succeeded: ("#dcf5e3", "#2f9e44", "#1b4d2a")
        case .failed: ("#ffe0e0", "#e03131", "#7a1414")
        case .caught: ("#ffe8cc", "#e8590c", "#7a3306")
        case .retried: ("#fff9db", "#f59f00", "#664d03")
        case .running: ("#dbe9ff", "#1c7ed6", "#0b3d73")
        case .aborted: ("#ece6f5", "#7048e8", "#3b2480")
        case .notReached: ("#f1f3f5", "#adb5bd", "#868e96")
        }
    }
}
