/// What each data-test operator compares (asl-reference §3.1).
extension Comparison.Operator {
    enum Family: Sendable {
        case string, numeric, boolean, timestamp
        /// StringMatches: a string against a wildcard pattern.
        case pattern
        /// IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp: the operand is `true` or `false`.
        case typeTest
    }

    var family: Family {
        switch self {
        case .stringEquals, .stringLessThan, .stringGreaterThan, .stringLessThanEquals, .stringGreaterThanEquals: .string
        case .stringMatches: .pattern
        case .numericEquals, .numericLessThan, .numericGreaterThan, .numericLessThanEquals, .numericGreaterThanEquals:
            .numeric
        case .booleanEquals: .boolean
        case .timestampEquals, .timestampLessThan, .timestampGreaterThan, .timestampLessThanEquals,
            .timestampGreaterThanEquals:
            .timestamp
        case .isNull, .isPresent, .isNumeric, .isString, .isBoolean, .isTimestamp: .typeTest
        }
    }

    /// Whether a `…Path` form exists (every comparison except StringMatches and the type tests).
    package var hasPathForm: Bool { family != .typeTest && family != .pattern }

    /// Whether an ordering (-1, 0, 1 for less, equal, greater) satisfies the operator.
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .stringEquals, .numericEquals, .timestampEquals, .booleanEquals: order == 0
        case .stringLessThan, .numericLessThan, .timestampLessThan: order < 0
        case .stringGreaterThan, .numericGreaterThan, .timestampGreaterThan: order > 0
        case .stringLessThanEquals, .numericLessThanEquals, .timestampLessThanEquals: order <= 0
        case .stringGreaterThanEquals, .numericGreaterThanEquals, .timestampGreaterThanEquals: order >= 0
        default: false
        }
    }

    /// The operator as a rule's key spells it: `NumericEquals`, or `NumericEqualsPath` for the path form.
    package func key(path: Bool) -> String { path ? rawValue + "Path" : rawValue }

    /// The operator a rule key names, and whether it is the `…Path` form; nil for an unknown key.
    package static func parse(key: String) -> (op: Comparison.Operator, isPath: Bool)? {
        if let op = Comparison.Operator(rawValue: key) { return (op, false) }
        guard key.hasSuffix("Path"), let op = Comparison.Operator(rawValue: String(key.dropLast(4))), op.hasPathForm else {
            return nil
        }
        return (op, true)
    }
}
