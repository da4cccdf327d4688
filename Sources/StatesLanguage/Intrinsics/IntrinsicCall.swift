import JSON

/// A parsed call: a function and its arguments, each a literal, a path or another call.
struct IntrinsicCall: Sendable, Hashable {
    var name: IntrinsicName
    var arguments: [IntrinsicArgument]
}

/// One argument of an intrinsic call as written (asl-reference §4).
indirect enum IntrinsicArgument: Sendable, Hashable {
    /// A single-quoted string: its value with escapes resolved, and the text between the quotes as written
    /// (States.Format needs it to tell `\{` from a placeholder).
    case string(String, raw: String)
    /// A number, `true`, `false` or `null`.
    case literal(JSON)
    /// `$…`, `$$…` or `$name…`.
    case path(JSONPath)
    case call(IntrinsicCall)

    /// The literal JSON value, when the argument is a literal.
    var literalValue: JSON? {
        switch self {
        case .string(let value, _): .string(value)
        case .literal(let value): value
        case .path, .call: nil
        }
    }
}
