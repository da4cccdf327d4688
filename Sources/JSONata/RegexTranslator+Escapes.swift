/// Escapes and character classes with JavaScript's meanings (ECMA-262 Annex B, as browsers and Node read
/// patterns without the `u` flag).
extension RegexTranslator {
    /// One member of a class: a code unit, or a class escape written as ICU set content.
    enum ClassAtom {
        case unit(UInt32)
        case set(String)
    }

    /// An escape outside a class.
    mutating func escape() throws(Invalid) {
        guard let e = next() else { throw Invalid() }
        switch e {
        case "b": assertion(Self.wordBoundary)
        case "B": assertion(Self.notWordBoundary)
        case "d", "D", "w", "W", "s", "S": atom("[" + Self.classEscape(e)! + "]")
        case "1"..."9":
            let start = position - 1
            var number = Int(e.value - 48)
            while let d = peek(), ("0"..."9").contains(d) {
                number = number * 10 + Int(d.value - 48)
                position += 1
            }
            if number <= groupCount { return atom(backReference(String(number))) }
            position = start + 1
            literal(e == "8" || e == "9" ? e.value : octal(from: e))
        case "k" where hasNamedGroups:
            guard peek() == "<", let close = scalars[position...].firstIndex(of: ">") else { throw Invalid() }
            atom(backReference("k" + String(String.UnicodeScalarView(scalars[position...close]))))
            position = close + 1
        case "c":
            guard let letter = peek(), letter.isASCII, letter.properties.isAlphabetic else {
                position -= 1  // `\c` not before a letter is a backslash, then `c` itself.
                return literal(UInt32(("\\" as Unicode.Scalar).value))
            }
            position += 1
            literal(letter.value % 32)
        default: literal(characterEscape(e))
        }
    }

    /// A back-reference (`1`, `k<name>`), closed off from digits after it; under `i` it compares ignoring case.
    func backReference(_ reference: String) -> String {
        (ignoreCase ? "(?i:" : "(?:") + "\\" + reference + ")"
    }

    /// The set content of `\d`, `\D`, `\w`, `\W`, `\s`, `\S` (ASCII digits and word characters, JavaScript's
    /// white space); nil for other letters.
    static func classEscape(_ e: Unicode.Scalar) -> String? {
        switch e {
        case "d": "0-9"
        case "D": "^0-9"
        case "w": wordCharacters
        case "W": "^" + wordCharacters
        case "s": spaces
        case "S": "^" + spaces
        default: nil
        }
    }

    /// A character escape after its `\`: control escapes, `\xhh`, `\uhhhh`, `\0`, octal; anything else is the
    /// character itself (`\a` is `a`, not ICU's bell).
    mutating func characterEscape(_ e: Unicode.Scalar) -> UInt32 {
        switch e {
        case "t": return 9
        case "n": return 10
        case "v": return 11
        case "f": return 12
        case "r": return 13
        case "0"..."7": return octal(from: e)
        case "x": return hex(digits: 2) ?? e.value
        case "u": return hex(digits: 4) ?? e.value
        default: return e.value
        }
    }

    /// A legacy octal escape starting with `first`: up to three digits, at most 0o377.
    mutating func octal(from first: Unicode.Scalar) -> UInt32 {
        var value = first.value - 48
        for _ in 0..<2 {
            guard let d = peek(), ("0"..."7").contains(d), value * 8 + d.value - 48 <= 0o377 else { break }
            value = value * 8 + d.value - 48
            position += 1
        }
        return value
    }

    /// `digits` hex digits after `\x` or `\u`, consumed; nil (nothing consumed) when they are not there.
    mutating func hex(digits: Int) -> UInt32? {
        guard position + digits <= scalars.count else { return nil }
        let text = String(String.UnicodeScalarView(scalars[position..<(position + digits)]))
        guard text.allSatisfy(\.isHexDigit), let value = UInt32(text, radix: 16) else { return nil }
        position += digits
        return value
    }

    // MARK: Classes

    /// `[…]` after its `[`: `[^]` matches anything, `[]` nothing, `[` is an ordinary member, a range next to a
    /// class escape is a literal `-`, and under `i` every member brings its case equivalents.
    mutating func characterClass() throws(Invalid) {
        let negated = peek() == "^"
        if negated { position += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var sets: [String] = []
        while true {
            guard let c = next() else { throw Invalid() }
            if c == "]" { break }
            let first = try classAtom(c)
            guard peek() == "-", let after = peek(1), after != "]" else {
                add(first, &ranges, &sets)
                continue
            }
            position += 1
            let second = try classAtom(next()!)
            if case .unit(let low) = first, case .unit(let high) = second {
                guard low <= high else { throw Invalid() }
                ranges.append(low...high)
            } else {
                for item in [first, .unit(0x2D), second] { add(item, &ranges, &sets) }
            }
        }
        atom(classPattern(negated: negated, ranges: ranges, sets: sets))
    }

    private func add(_ atom: ClassAtom, _ ranges: inout [ClosedRange<UInt32>], _ sets: inout [String]) {
        switch atom {
        case .unit(let unit): ranges.append(unit...unit)
        case .set(let content): sets.append(content)
        }
    }

    private func classPattern(negated: Bool, ranges: [ClosedRange<UInt32>], sets: [String]) -> String {
        guard !ranges.isEmpty || !sets.isEmpty else { return negated ? #"[\s\S]"# : "(?!)" }
        var content = ""
        for range in ranges {
            content += range.count == 1 ? Self.written(range.lowerBound) : Self.written(range.lowerBound) + "-" + Self.written(range.upperBound)
            if ignoreCase { content += JavaScriptCase.extraEquivalents(of: range).map(Self.written).joined() }
        }
        for set in sets { content += set.hasPrefix("^") ? "[\(set)]" : set }
        return "[" + (negated ? "^" : "") + content + "]"
    }

    /// One class member after its first character `c`.
    private mutating func classAtom(_ c: Unicode.Scalar) throws(Invalid) -> ClassAtom {
        guard c == "\\" else { return .unit(c.value) }
        guard let e = next() else { throw Invalid() }
        if let set = Self.classEscape(e) { return .set(set) }
        switch e {
        case "b": return .unit(8)
        case "8", "9": return .unit(e.value)
        case "c":
            guard let letter = peek(), letter.isASCII, letter.properties.isAlphabetic || ("0"..."9").contains(letter) || letter == "_" else {
                position -= 1
                return .unit(UInt32(("\\" as Unicode.Scalar).value))
            }
            position += 1
            return .unit(letter.value % 32)
        default: return .unit(characterEscape(e))
        }
    }
}
