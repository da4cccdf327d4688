import JSON

extension FilterOperator {
    /// Jayway's evaluators (`EvaluatorFactory`): a missing left-hand path makes every test false except `!=`
    /// and `nin`; numbers and strings meet through their text (see `looselyEqual`); other types never match.
    func holds(_ left: JSON?, _ rightOperand: FilterOperand, candidate: JSON, root: JSON) -> Bool {
        if self == .matches {
            guard case .regex(let regex) = rightOperand, let left else { return false }
            if case .array(let items) = left { return items.contains { regex.wholeMatches(Self.matchText($0)) } }
            return regex.wholeMatches(Self.matchText(left))
        }
        let right = rightOperand.value(candidate, root: root)
        switch self {
        case .notEqual: return !FilterOperator.equal.holds(left, right)
        case .notIn: return !FilterOperator.in.holds(left, right)
        default: return holds(left, right)
        }
    }

    private func holds(_ left: JSON?, _ right: JSON?) -> Bool {
        guard let left, let right else { return false }
        switch self {
        case .equal: return Self.looselyEqual(left, right)
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return Self.compare(left, right).map(accepts) ?? false
        case .in: return right.arrayValue?.contains { Self.looselyEqual(left, $0) } ?? false
        case .subsetOf, .anyOf, .noneOf: return setTest(left, right)
        case .contains: return Self.contains(left, right)
        case .size: return right.intValue.map { Self.count(left) == $0 } ?? false
        case .empty: return right.boolValue.map { Self.count(left).map { count in count == 0 } == $0 } ?? false
        case .notEqual, .notIn, .matches: return false
        }
    }

    /// Jayway's `==`: same-type values by JSON equality; a number equals a string that parses to it, and a
    /// string equals a number whose text it is (`1 == '1'` and `'1' == 1` both hold).
    static func looselyEqual(_ left: JSON, _ right: JSON) -> Bool {
        switch (left, right) {
        case (.number(let number), .string(let text)): Double(text).map { $0 == number.doubleValue } ?? false
        case (.string(let text), .number): text == right.serialized()
        default: left == right
        }
    }

    /// Ordering: numbers by value, strings by UTF-16 code units (Java's `compareTo`), a number against a
    /// string by the number's text; nil when the values are not ordered.
    static func compare(_ left: JSON, _ right: JSON) -> Int? {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            if case .int(let x) = a, case .int(let y) = b { return x < y ? -1 : (x == y ? 0 : 1) }
            let (x, y) = (a.doubleValue, b.doubleValue)
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let a), .string(let b)): return compareText(a, b)
        case (.string(let a), .number): return compareText(a, right.serialized())
        case (.number, .string(let b)): return compareText(left.serialized(), b)
        default: return nil
        }
    }

    private static func compareText(_ a: String, _ b: String) -> Int {
        a == b ? 0 : (a.utf16.lexicographicallyPrecedes(b.utf16) ? -1 : 1)
    }

    private func accepts(_ comparison: Int) -> Bool {
        switch self {
        case .less: comparison < 0
        case .lessOrEqual: comparison <= 0
        case .greater: comparison > 0
        default: comparison >= 0
        }
    }

    /// The text `=~` matches: strings as they are, numbers and booleans as written, anything else `""`.
    static func matchText(_ value: JSON) -> String {
        switch value {
        case .string(let text): text
        case .number, .bool: value.serialized()
        default: ""
        }
    }
}
