import JSON

/// The semantics of one data test (asl-reference §3.1): values of the wrong type never match, strings compare
/// by code point, numbers by value (0 equals 0.0), timestamps as instants.
extension Comparison {
    /// Whether the value at `variable` passes the test. A Variable or operand path that matches nothing is
    /// States.Runtime, except that IsPresent is exactly the test for that.
    package func evaluate(_ roots: PathRoots) throws(StatesError) -> Bool {
        let value = variable.value(in: roots)
        if op == .isPresent, case .value(.bool(let expected)) = operand { return (value != nil) == expected }
        guard let value else { throw Self.invalidPath(variable) }
        let expected: JSON
        switch operand {
        case .value(let literal): expected = literal
        case .path(let path):
            guard let resolved = path.value(in: roots) else { throw Self.invalidPath(path) }
            expected = resolved
        }
        return try Self.test(op, value, against: expected)
    }

    /// AWS's cause for a Choice path that selects nothing.
    static func invalidPath(_ path: JSONPath) -> StatesError {
        .runtime("Invalid path '\(path.text)': The choice state's condition path references an invalid value.")
    }

    static func test(_ op: Operator, _ value: JSON, against expected: JSON) throws(StatesError) -> Bool {
        switch (op.family, value, expected) {
        case (.string, .string(let left), .string(let right)):
            return op.accepts(compareCodePoints(left, right))
        case (.numeric, .number(let left), .number(let right)):
            return compareNumbers(left, right).map(op.accepts) ?? false
        case (.boolean, .bool(let left), .bool(let right)):
            return left == right
        case (.timestamp, .string(let left), .string(let right)):
            guard let left = Timestamp.parse(left), let right = Timestamp.parse(right) else { return false }
            return op.accepts(left < right ? -1 : left == right ? 0 : 1)
        case (.pattern, .string(let text), .string(let pattern)):
            guard let pattern = StringPattern(pattern) else {
                throw .runtime("Invalid StringMatches pattern '\(pattern)': a backslash must escape '*' or '\\'.")
            }
            return pattern.matches(text)
        case (.typeTest, _, .bool(let expected)):
            return typeTest(op, value) == expected
        default:
            return false
        }
    }

    static func typeTest(_ op: Operator, _ value: JSON) -> Bool {
        switch (op, value) {
        case (.isNull, .null), (.isNumeric, .number), (.isString, .string), (.isBoolean, .bool), (.isPresent, _): true
        case (.isTimestamp, .string(let text)): Timestamp.parse(text) != nil
        default: false
        }
    }

    /// Lexicographic order of Unicode code points (no normalisation, no case folding).
    static func compareCodePoints(_ left: String, _ right: String) -> Int {
        var leftScalars = left.unicodeScalars.makeIterator()
        var rightScalars = right.unicodeScalars.makeIterator()
        while true {
            switch (leftScalars.next(), rightScalars.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let a?, let b?) where a != b: return a.value < b.value ? -1 : 1
            default: continue
            }
        }
    }

    /// Numbers by value: integers exactly, anything else as doubles; nil when either is not a number (NaN).
    static func compareNumbers(_ left: JSON.Number, _ right: JSON.Number) -> Int? {
        if case .int(let a) = left, case .int(let b) = right { return a < b ? -1 : a == b ? 0 : 1 }
        let (a, b) = (left.doubleValue, right.doubleValue)
        guard !a.isNaN, !b.isNaN else { return nil }
        return a < b ? -1 : a == b ? 0 : 1
    }
}
