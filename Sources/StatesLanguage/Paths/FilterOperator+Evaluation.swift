import JSON

extension FilterOperator {
    /// Jayway's evaluators: a missing left-hand path makes every test false except `!=` and `nin`; values of
    /// different types are never equal and never ordered.
    func holds(_ left: JSON?, _ rightOperand: FilterOperand, candidate: JSON, root: JSON) -> Bool {
        if self == .matches {
            guard case .regex(let regex) = rightOperand, case .string(let string)? = left else { return false }
            return regex.wholeMatches(string)
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
        case .equal: return left == right
        case .less, .lessOrEqual, .greater, .greaterOrEqual: return ordered(left, right)
        case .in: return right.arrayValue?.contains(left) ?? false
        case .subsetOf, .anyOf, .noneOf: return setTest(left, right)
        case .contains: return Self.contains(left, right)
        case .size: return right.intValue.map { Self.count(left) == $0 } ?? false
        case .empty: return right.boolValue.map { Self.count(left).map { count in count == 0 } == $0 } ?? false
        case .notEqual, .notIn, .matches: return false
        }
    }

    /// Numbers by value, strings by UTF-16 code units (Java's `compareTo`); anything else is unordered.
    private func ordered(_ left: JSON, _ right: JSON) -> Bool {
        let comparison: Int
        switch (left, right) {
        case (.number(let a), .number(let b)):
            if case .int(let x) = a, case .int(let y) = b {
                comparison = x < y ? -1 : (x == y ? 0 : 1)
            } else {
                let (x, y) = (a.doubleValue, b.doubleValue)
                comparison = x < y ? -1 : (x == y ? 0 : 1)
            }
        case (.string(let a), .string(let b)):
            comparison = a == b ? 0 : (a.utf16.lexicographicallyPrecedes(b.utf16) ? -1 : 1)
        default:
            return false
        }
        switch self {
        case .less: return comparison < 0
        case .lessOrEqual: return comparison <= 0
        case .greater: return comparison > 0
        default: return comparison >= 0
        }
    }

    private func setTest(_ left: JSON, _ right: JSON) -> Bool {
        guard case .array(let items) = left, case .array(let set) = right else { return false }
        switch self {
        case .subsetOf: return items.allSatisfy(set.contains)
        case .anyOf: return items.contains(where: set.contains)
        default: return !items.contains(where: set.contains)
        }
    }

    private static func contains(_ left: JSON, _ right: JSON) -> Bool {
        switch (left, right) {
        case (.array(let array), _): array.contains(right)
        case (.string(let string), .string(let part)): string.contains(part)
        default: false
        }
    }

    private static func count(_ value: JSON) -> Int? {
        switch value {
        case .array(let array): array.count
        case .string(let string): string.count
        default: nil
        }
    }
}
