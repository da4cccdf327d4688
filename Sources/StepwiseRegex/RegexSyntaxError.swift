/// A pattern JavaScript's `RegExp` constructor refuses, with V8's wording and the UTF-16 offset in the pattern.
package struct RegexSyntaxError: Error, Equatable, CustomStringConvertible {
    package let message: String
    /// Offset of the offending unit in the pattern, in UTF-16 code units.
    package let offset: Int

    package init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    package var description: String { "\(message) (at offset \(offset))" }
}

/// The flags that change what a pattern matches (`g`, `y` and `d` change how a caller searches, not the engine).
package struct RegexFlags: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// `i`: units compare by JavaScript's `Canonicalize` (simple upper-case mapping, never into ASCII).
    package static let ignoreCase = RegexFlags(rawValue: 1)
    /// `m`: `^` and `$` also match next to a line terminator.
    package static let multiline = RegexFlags(rawValue: 2)
    /// `s`: `.` matches line terminators too.
    package static let dotAll = RegexFlags(rawValue: 4)
    /// Not a JavaScript flag: an escape that Annex B reads as the letter or digit itself (`\p`, `\A`, `\8`, `\c`
    /// before a non-letter, a number above the group count) is an error, as `u` makes it. For patterns written
    /// for another engine (Java gives most of these escapes a meaning), where a literal would mislead.
    package static let strictEscapes = RegexFlags(rawValue: 8)

    /// The flags named by `letters` (`i`, `m`, `s`); nil when a letter is not one of them or repeats.
    package init?(letters: String) {
        var flags: RegexFlags = []
        for letter in letters {
            let flag: RegexFlags
            switch letter {
            case "i": flag = .ignoreCase
            case "m": flag = .multiline
            case "s": flag = .dotAll
            default: return nil
            }
            guard !flags.contains(flag) else { return nil }
            flags.insert(flag)
        }
        self = flags
    }
}
