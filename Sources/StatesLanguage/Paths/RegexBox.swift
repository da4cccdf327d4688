import StepwiseRegex

/// The compiled pattern of `=~`, shared by every evaluation of a filter.
///
/// Jayway compiles it with Java's `Pattern`; Stepwise matches it with `ECMARegex`, whose syntax is
/// JavaScript's (the common ground of the two; see docs/differences.md) and whose matching is bounded.
struct RegexBox: Sendable {
    let pattern: String
    let regex: ECMARegex

    /// Steps one test may take: 64 per unit of the text, at least 1,000,000 (about 10 ms). A sane pattern needs
    /// a few steps per unit; past the budget the candidate does not match, so a catastrophic pattern cannot hold
    /// the thread. Path evaluation has no error to raise here.
    static func stepBudget(forLength length: Int) -> Int { max(1_000_000, length * 64) }

    /// Escapes are strict: Java gives `\p{L}`, `\A` or `\h` a meaning that JavaScript's literal would hide,
    /// so they are refused rather than matched as letters.
    init(pattern: String, flags: String) throws(RegexSyntaxError) {
        self.pattern = pattern
        var options: RegexFlags = [.strictEscapes]
        if flags.contains("i") { options.insert(.ignoreCase) }
        if flags.contains("m") { options.insert(.multiline) }
        if flags.contains("s") { options.insert(.dotAll) }
        regex = try ECMARegex(pattern, flags: options)
    }

    /// Java's `Matcher.matches()`: the whole string must match.
    func wholeMatches(_ string: String) -> Bool {
        let units = Array(string.utf16)
        var budget = RegexBudget(steps: Self.stepBudget(forLength: units.count))
        return (try? regex.wholeMatch(units, budget: &budget)) != nil
    }
}
