import JSON

/// A compiled JSONata 2.0.6 expression. Compile once, evaluate many times.
///
/// PLACEHOLDER: the lexer, parser, evaluator and function library replace it.
public struct JSONataExpression: Sendable {
    public let source: String

    /// Compiles an expression; syntax errors carry JSONata's code (S0xxx) and position.
    public init(_ source: String) throws(JSONataError) {
        self.source = source
    }

    /// Evaluates against `input` (nil = no input) with `$name` bindings; nil means the result is undefined.
    public func evaluate(_ input: JSON?, bindings: [String: JSON] = [:]) throws(JSONataError) -> JSON? {
        throw JSONataError(code: "D0000", message: "JSONata is not implemented yet", position: 0)
    }
}

/// A JSONata error: its code (`S0201`, `T2001`, `D3001`, …), message and character position.
public struct JSONataError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var position: Int?

    public init(code: String, message: String, position: Int? = nil) {
        self.code = code
        self.message = message
        self.position = position
    }

    public var description: String { "\(code): \(message)" }
}
