import JSON

/// The predicate of a filter step `[?(…)]` (Jayway JsonPath filter syntax, asl-reference §3.2): comparisons of
/// `@` (the candidate), `$` (the document) paths and literals, joined by `&&`, `||`, `!` and parentheses.
indirect enum FilterExpression: Sendable {
    case or(FilterExpression, FilterExpression)
    case and(FilterExpression, FilterExpression)
    case not(FilterExpression)
    /// `@.a` alone: true when the path selects something (even `null` or `false`).
    case exists(FilterOperand)
    case compare(FilterOperand, FilterOperator, FilterOperand)
}

/// One side of a filter comparison.
enum FilterOperand: Sendable {
    /// `@…`: a path from the candidate node.
    case current(FilterPath)
    /// `$…`: a path from the root of the document being searched.
    case root(FilterPath)
    case literal(JSON)
    /// `/pattern/flags`, the right-hand side of `=~`.
    case regex(RegexBox)

    var isPath: Bool {
        switch self {
        case .current, .root: true
        case .literal, .regex: false
        }
    }
}

/// The steps of an `@` or `$` path inside a filter, compiled like a top-level path.
struct FilterPath: Sendable {
    let segments: [JSONPath.Segment]
    let function: PathFunction?
    let isDefinite: Bool

    init(segments: [JSONPath.Segment], function: PathFunction?) {
        self.segments = segments
        self.function = function
        self.isDefinite = JSONPath.Segment.isDefinite(segments)
    }
}

/// Jayway's relational operators (`===`/`!==` aside).
enum FilterOperator: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">"
    case matches = "=~"
    case notIn = "nin", `in` = "in", subsetOf = "subsetof", anyOf = "anyof", noneOf = "noneof"
    case size = "size", empty = "empty", contains = "contains"

    /// Whether the operator is spelled with letters (and so must not run into a following name).
    var isWord: Bool { rawValue.unicodeScalars.first!.properties.isAlphabetic }
}

/// A compiled regular expression shared by every evaluation of a filter.
///
/// `@unchecked Sendable` because `Regex` does not declare `Sendable` although it is an immutable value once
/// built: its lazily compiled program is published with an atomic compare-and-exchange in the standard library's
/// string-processing module, so concurrent matching is safe. Nothing here mutates it after `init`.
final class RegexBox: @unchecked Sendable {
    let pattern: String
    let regex: Regex<AnyRegexOutput>

    init(pattern: String, flags: String) throws {
        self.pattern = pattern
        var regex = try Regex(pattern)
        if flags.contains("i") { regex = regex.ignoresCase() }
        if flags.contains("m") { regex = regex.anchorsMatchLineEndings() }
        if flags.contains("s") { regex = regex.dotMatchesNewlines() }
        self.regex = regex
    }

    /// Java's `Matcher.matches()`: the whole string must match.
    func wholeMatches(_ string: String) -> Bool { (try? regex.wholeMatch(in: string)) != nil }
}
