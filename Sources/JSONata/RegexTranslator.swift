/// Rewrites a JSONata regular expression, which is a JavaScript one (flags `i` and `m` only, no `u`), into an ICU
/// pattern that matches the same strings.
///
/// ICU differs from JavaScript in many small ways: `$` also matches before a final newline, `.` and `^`/`$` with
/// `m` know more line terminators, `\d`, `\w`, `\s` and `\b` are Unicode-aware, `[` nests inside a class, `a{`
/// and `[^]` are errors, `\a`, `\e`, `\v`, `\0` mean other things, and case folding is full (`ß` matches `ss`).
/// So nothing is passed through as written: anchors become lookarounds, classes and escapes become explicit
/// sets, literal characters are written as code points (with their case equivalents under `i`), and only the
/// group and quantifier syntax JavaScript accepts is kept.
struct RegexTranslator {
    /// A pattern JavaScript's `RegExp` constructor refuses (JSONata then fails to compile the expression).
    struct Invalid: Error {}

    /// What the last piece written was: a quantifier may only follow an atom, `?` may follow a quantifier once.
    enum Last { case nothing, atom, quantifier, lazy }

    static let lineTerminators = #"\n\r\x{2028}\x{2029}"#
    static let spaces = #"\t\n\x{B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"#
    static let wordCharacters = "a-zA-Z0-9_"
    static let wordBoundary = "(?:(?<=[\(wordCharacters)])(?![\(wordCharacters)])|(?<![\(wordCharacters)])(?=[\(wordCharacters)]))"
    static let notWordBoundary = "(?:(?<=[\(wordCharacters)])(?=[\(wordCharacters)])|(?<![\(wordCharacters)])(?![\(wordCharacters)]))"

    let scalars: [Unicode.Scalar]
    let ignoreCase: Bool
    let multiline: Bool
    /// Capturing groups in the pattern: a decimal escape above this count is an octal escape or a digit.
    let groupCount: Int
    let hasNamedGroups: Bool
    var position = 0
    var output = ""
    var last = Last.nothing

    /// The ICU pattern for `pattern` with JSONata's `flags`.
    static func translate(_ pattern: String, flags: String) throws(Invalid) -> String {
        var translator = RegexTranslator(pattern: pattern, flags: flags)
        try translator.translateAll()
        return translator.output
    }

    init(pattern: String, flags: String) {
        scalars = Array(pattern.unicodeScalars)
        ignoreCase = flags.contains("i")
        multiline = flags.contains("m")
        (groupCount, hasNamedGroups) = Self.countGroups(scalars)
    }

    mutating func translateAll() throws(Invalid) {
        while let c = next() {
            switch c {
            case "\\": try escape()
            case "[": try characterClass()
            case ".": atom("[^\(Self.lineTerminators)]")
            case "^": assertion(multiline ? "(?<![^\(Self.lineTerminators)])" : #"(?<![\s\S])"#)
            case "$": assertion(multiline ? "(?![^\(Self.lineTerminators)])" : #"(?![\s\S])"#)
            case "(": try group()
            case ")": atom(")")
            case "|": assertion("|")
            case "*", "+", "?": try quantifier(String(c))
            case "{":
                if let bounds = quantifierBounds() { try quantifier(bounds) } else { literal(c.value) }
            default: literal(c.value)
            }
        }
    }

    // MARK: Reading

    mutating func next() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        defer { position += 1 }
        return scalars[position]
    }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    // MARK: Writing

    mutating func atom(_ text: String) {
        output += text
        last = .atom
    }

    /// Something no quantifier may follow: an anchor, a boundary, `(` or `|`.
    mutating func assertion(_ text: String) {
        output += text
        last = .nothing
    }

    /// A character as itself, or under `i` as the set of characters JavaScript treats as equal to it.
    mutating func literal(_ unit: UInt32) {
        let equivalents = ignoreCase ? JavaScriptCase.equivalents(of: unit) : [unit]
        atom(equivalents.count == 1 ? Self.written(unit) : "[" + equivalents.map(Self.written).joined() + "]")
    }

    /// A code point as ICU reads it literally, in or out of a class: letters and digits as they are, others escaped.
    static func written(_ unit: UInt32) -> String {
        if let scalar = Unicode.Scalar(unit), scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            return String(scalar)
        }
        return #"\x{"# + String(unit, radix: 16) + "}"
    }

    // MARK: Groups and quantifiers

    /// `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` and `(?<name>`; any other `(?` is a syntax error in JavaScript.
    mutating func group() throws(Invalid) {
        guard peek() == "?" else { return assertion("(") }
        let rest = String(String.UnicodeScalarView(scalars[position...].prefix(3)))
        guard let prefix = ["?:", "?=", "?!", "?<=", "?<!"].first(where: rest.hasPrefix) else {
            guard rest.hasPrefix("?<"), let close = scalars[position...].firstIndex(of: ">") else { throw Invalid() }
            let name = String(String.UnicodeScalarView(scalars[(position + 2)..<close]))
            position = close + 1
            return assertion("(?<\(name)>")
        }
        position += prefix.unicodeScalars.count
        assertion("(" + prefix)
    }

    /// `*`, `+`, `?` or `{n,m}` after an atom, and one lazy `?` after a quantifier; anything else is "Nothing to
    /// repeat" (ICU would read `a*+` as possessive).
    mutating func quantifier(_ text: String) throws(Invalid) {
        switch last {
        case .atom:
            output += text
            last = .quantifier
        case .quantifier where text == "?":
            output += text
            last = .lazy
        default:
            throw Invalid()
        }
    }

    /// The `{n}`, `{n,}` or `{n,m}` starting after the `{` just read, consumed; nil (nothing consumed) when the
    /// brace is a literal, as JavaScript reads `a{`, `{x}` or `a{,2}`.
    mutating func quantifierBounds() -> String? {
        var end = position
        var text = "{"
        var digits = 0
        var commas = 0
        while end < scalars.count, scalars[end] != "}" {
            let c = scalars[end]
            if ("0"..."9").contains(c) { digits += commas == 0 ? 1 : 0 } else if c == ",", commas == 0 { commas = 1 } else { return nil }
            text.unicodeScalars.append(c)
            end += 1
        }
        guard end < scalars.count, digits > 0 else { return nil }
        position = end + 1
        return text + "}"
    }

    /// Capturing groups (`(` not followed by `?`, and `(?<name>`), outside classes and escapes.
    static func countGroups(_ scalars: [Unicode.Scalar]) -> (Int, Bool) {
        var count = 0
        var named = false
        var index = 0
        var inClass = false
        while index < scalars.count {
            let c = scalars[index]
            if c == "\\" {
                index += 2
                continue
            }
            if c == "[" { inClass = true } else if c == "]" { inClass = false }
            if c == "(", !inClass {
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                let after = index + 2 < scalars.count ? scalars[index + 2] : " "
                if next != "?" {
                    count += 1
                } else if after == "<", index + 3 < scalars.count, !["=", "!"].contains(scalars[index + 3]) {
                    count += 1
                    named = true
                }
            }
            index += 1
        }
        return (count, named)
    }
}
