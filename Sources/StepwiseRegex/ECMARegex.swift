/// A JavaScript regular expression (ECMAScript without the `u` flag, as Node reads it), compiled once and
/// matched over UTF-16 code units by a backtracking machine that cannot overflow the stack and stops when its
/// budget says so.
///
/// Immutable, so one compiled expression serves every thread.
package struct ECMARegex: Sendable {
    package let source: String
    package let flags: RegexFlags
    /// Named groups and their indexes.
    package let groupNames: [String: Int]
    let program: Program

    /// How deep groups may nest: far beyond real patterns, and shallow enough for any thread's stack.
    package static let maxNesting = 100

    package init(_ source: String, flags: RegexFlags = []) throws(RegexSyntaxError) {
        var parser = try RegexParser(Array(source.utf16), flags: flags, maxNesting: Self.maxNesting)
        let tree = try parser.parse()
        self.source = source
        self.flags = flags
        groupNames = parser.groupNames
        program = Compiler.compile(tree, captureCount: parser.groupCount + 1, flags: flags)
    }

    /// `text` as a pattern that matches it literally: each syntax character (`^$\.*+?()[]{}|/`) escaped.
    package static func escaped(_ text: String) -> String {
        var pattern = ""
        for character in text {
            if "^$\\.*+?()[]{}|/".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }

    /// Capturing groups, not counting the whole match.
    package var groupCount: Int { program.captureCount - 1 }

    /// The first match starting at or after `from` (as `exec` from `lastIndex`: lookbehinds see the text before
    /// `from`, and `^` still means the start of the text).
    package func firstMatch(in text: [UInt16], from: Int = 0, budget: inout RegexBudget) throws(RegexInterruption) -> RegexCaptures? {
        guard from >= 0, from <= text.count else { return nil }
        guard text.count < Int32.max else { throw .backtrackLimit }
        var machine = Backtracker(program, text: text, requiredEnd: nil, budget: budget)
        defer { budget = machine.budget }
        var start = from
        while start <= text.count {
            if program.anchoredAtStart, start > 0 { return nil }
            if let first = program.firstUnits {
                let skipped = start
                while start < text.count, !first.contains(text[start]) { start += 1 }
                try machine.tick(start - skipped)
                if start == text.count { return nil }
            }
            if try machine.run(at: start) { return RegexCaptures(bounds: Array(machine.slots[0..<(program.captureCount * 2)])) }
            start += 1
        }
        return nil
    }

    /// A match of the whole text (Java's `matches()`), or nil.
    package func wholeMatch(_ text: [UInt16], budget: inout RegexBudget) throws(RegexInterruption) -> RegexCaptures? {
        guard text.count < Int32.max else { throw .backtrackLimit }
        var machine = Backtracker(program, text: text, requiredEnd: text.count, budget: budget)
        defer { budget = machine.budget }
        guard try machine.run(at: 0) else { return nil }
        return RegexCaptures(bounds: Array(machine.slots[0..<(program.captureCount * 2)]))
    }
}

/// Where a match and its groups lie, in UTF-16 offsets.
package struct RegexCaptures: Sendable, Equatable {
    /// Start and end of each group, group 0 first; -1 for a group that did not take part.
    let bounds: [Int]

    /// Groups including group 0.
    package var count: Int { bounds.count / 2 }

    /// The range of `group` (0 is the whole match); nil when the group did not take part in the match.
    package subscript(group: Int) -> Range<Int>? {
        let start = bounds[group * 2]
        let end = bounds[group * 2 + 1]
        return start < 0 || end < 0 ? nil : start..<end
    }

    /// The whole match.
    package var range: Range<Int> { self[0]! }
}
