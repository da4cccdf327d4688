import JSON

/// A compiled intrinsic function call such as `States.Format('{} {}', $.a, $$.Execution.Name)`
/// (asl-reference §4). Parse once, evaluate many times.
///
/// PLACEHOLDER: the parser and the 18 functions replace it.
public struct IntrinsicFunction: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public var description: String { text }

    /// Parses a call; throws when the text is not a well-formed call of a known function.
    public init(_ text: String) throws(IntrinsicSyntaxError) {
        guard text.hasPrefix("States.") else { throw IntrinsicSyntaxError(text: text, message: "not an intrinsic function call") }
        self.text = text
    }

    /// Whether a `.$` value is meant as an intrinsic call (it starts with `States.`).
    public static func looksLikeCall(_ text: String) -> Bool { text.hasPrefix("States.") }

    /// Evaluates the call; failures are States.IntrinsicFailure with AWS's cause text.
    public func evaluate(_ roots: PathRoots) throws(StatesError) -> JSON {
        throw .intrinsicFailure("not implemented: \(text)")
    }
}

public struct IntrinsicSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var message: String

    public init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    public var description: String { "Invalid intrinsic function call '\(text)': \(message)" }
}
