@testable import StepwiseRegex

/// JavaScript's `exec`: the match and its groups (nil for a group that did not take part), or nil.
func exec(_ pattern: String, flags: String = "", _ text: String, from: Int = 0) throws -> [String?]? {
    let regex = try ECMARegex(pattern, flags: RegexFlags(letters: flags)!)
    let units = Array(text.utf16)
    var budget = RegexBudget(steps: 10_000_000)
    guard let captures = try regex.firstMatch(in: units, from: from, budget: &budget) else { return nil }
    return (0..<captures.count).map { group in captures[group].map { String(decoding: units[$0], as: UTF16.self) } }
}

/// Where the first match starts, or nil.
func index(_ pattern: String, flags: String = "", _ text: String) throws -> Int? {
    let regex = try ECMARegex(pattern, flags: RegexFlags(letters: flags)!)
    var budget = RegexBudget(steps: 10_000_000)
    return try regex.firstMatch(in: Array(text.utf16), budget: &budget)?.range.lowerBound
}

/// The syntax error's message for `pattern`, or nil when it compiles.
func syntaxError(_ pattern: String, flags: RegexFlags = []) -> String? {
    do {
        _ = try ECMARegex(pattern, flags: flags)
        return nil
    } catch {
        return error.message
    }
}
