/// Jayway's relational operators (`===`/`!==` aside).
enum FilterOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case less = "<"
    case greater = ">"
    case matches = "=~"
    case notIn = "nin"
    case `in` = "in"
    case subsetOf = "subsetof"
    case anyOf = "anyof"
    case noneOf = "noneof"
    case size = "size"
    case empty = "empty"
    case contains = "contains"

    /// Whether the operator is spelled with letters (and so must not run into a following name).
    var isWord: Bool { rawValue.unicodeScalars.first!.properties.isAlphabetic }
}
