/// Escapes with their Annex B meanings (as Node reads patterns without the `u` flag): an unknown escape is the
/// character itself, `\8` and `\9` are digits, a number above the group count is an octal escape, `\c` before
/// a non-letter is a backslash, and `\k` is a letter unless the pattern has named groups.
extension RegexParser {
    /// The escape at the position (its backslash), outside a class; `\b` and `\B` are handled as assertions.
    mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        position += 1
        guard let e = peek() else { throw RegexSyntaxError("\\ at end of pattern", at: position - 1) }
        if let set = Self.classEscape(e) {
            position += 1
            return .set(ignoreCase ? CaseFolding.closure(of: set) : set)
        }
        switch e {
        case 0x31...0x39:
            let start = position
            if let group = decimal(&position), group <= groupCount { return .backReference(group) }
            position = start
            if strict { throw error("Invalid escape") }
            if e >= 0x38 {
                position += 1
                return literal(e)
            }
            return literal(octal())
        case Unit.letterK where !groupNames.isEmpty:
            position += 1
            guard peek() == Unit.less, let (name, end) = Self.groupName(units, from: position + 1) else {
                throw error("Invalid named reference")
            }
            guard let group = groupNames[name] else { throw error("Invalid named capture referenced") }
            position = end
            return .backReference(group)
        case Unit.letterC:
            guard Unit.isASCIILetter(peek(1)) else {
                if strict { throw error("Invalid escape") }
                return literal(Unit.backslash)
            }
            position += 2
            return literal(units[position - 1] % 32)
        default:
            return literal(try characterEscape())
        }
    }

    /// `\d`, `\D`, `\w`, `\W`, `\s` and `\S` (ASCII digits and word characters, JavaScript's white space).
    static func classEscape(_ e: UInt16) -> UnitSet? {
        switch e {
        case 0x64: .digits
        case 0x44: UnitSet.digits.inverted
        case 0x77: .word
        case 0x57: UnitSet.word.inverted
        case 0x73: .space
        case 0x53: UnitSet.space.inverted
        default: nil
        }
    }

    var strict: Bool { flags.contains(.strictEscapes) }

    /// The character escape at the position (after its backslash), consumed: control escapes, `\0`, octal,
    /// `\xhh`, `\uhhhh`; any other unit (including `x` or `u` without their digits) stands for itself, unless
    /// escapes are strict and it is a letter or digit.
    mutating func characterEscape() throws(RegexSyntaxError) -> UInt16 {
        let e = units[position]
        if strict, Unit.isASCIILetter(e) || Unit.isDigit(e), ![Unit.letterX, Unit.letterU].contains(e), Self.controlEscape(e) == nil, e != Unit.zero {
            throw error("Invalid escape")
        }
        position += 1
        if let control = Self.controlEscape(e) { return control }
        switch e {
        case Unit.zero...Unit.seven:
            position -= 1
            return octal()
        case Unit.letterX, Unit.letterU:
            if let value = hex(digits: e == Unit.letterX ? 2 : 4) { return value }
            if strict { throw RegexSyntaxError("Invalid escape", at: position - 1) }
            return e
        default: return e
        }
    }

    /// `\t`, `\n`, `\v`, `\f`, `\r`.
    static func controlEscape(_ e: UInt16) -> UInt16? {
        switch e {
        case 0x74: Unit.tab
        case 0x6E: Unit.newline
        case 0x76: 0x0B
        case 0x66: 0x0C
        case 0x72: 0x0D
        default: nil
        }
    }

    /// A legacy octal escape at the position: up to three octal digits, at most 0o377.
    mutating func octal() -> UInt16 {
        var value = units[position] - Unit.zero
        position += 1
        for _ in 0..<2 {
            guard Unit.isOctal(peek()), value * 8 + peek()! - Unit.zero <= 0o377 else { break }
            value = value * 8 + peek()! - Unit.zero
            position += 1
        }
        return value
    }

    /// `digits` hex digits at the position, consumed; nil (nothing consumed) when they are not all there.
    mutating func hex(digits: Int) -> UInt16? {
        guard position + digits <= units.count else { return nil }
        var value: UInt16 = 0
        for unit in units[position..<(position + digits)] {
            guard let digit = Unit.hexValue(unit) else { return nil }
            value = value * 16 + digit
        }
        position += digits
        return value
    }
}
