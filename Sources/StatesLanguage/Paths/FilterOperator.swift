/// Jayway's relational operators (`===`/`!==` aside).
enum FilterOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    case matches = "=~"
    case notIn = "nin", `in` = "in", subsetOf = "subsetof", anyOf = "anyof", noneOf = "noneof"
    case size = "size", empty = "empty", contains = "contains"

    /// Whether the operator is spelled with letters (and so must not run into a following name).
    var isWord: Bool { rawValue.unicodeScalars.first!.properties.isAlphabetic }
}
