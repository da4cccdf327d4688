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
