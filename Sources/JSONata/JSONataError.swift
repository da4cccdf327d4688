/// A JSONata error: its code (`S0201`, `T2001`, `D3001`, …), message and character position.
public struct JSONataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code of a function-valued result when the caller asked for JSON only (not a JSONata code).
    package static let unsupportedResultCode = "Stepwise.UnsupportedResult"
    /// The code of an evaluation stopped by an ``EvaluationInterrupt`` (StopExecution, an execution's time-out).
    package static let interruptedCode = "Stepwise.Interrupted"
    /// The code of an evaluation on a cooperative thread that went deeper or ran longer than its place allows
    /// (``EvaluationPlace/inline(budget:)``): the caller runs it again on a large-stack thread.
    package static let needsHeavyCode = "Stepwise.NeedsHeavyEvaluation"

    public var code: String
    public var message: String
    public var position: Int?
    var details = ErrorDetails()

    public init(code: String, message: String, position: Int? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }

    public var description: String { "\(code): \(message)" }
}
