/// Character classes: `[^]` matches any unit, `[]` none, `[` is an ordinary member, a range with a class escape
/// at either end is that escape, a `-` and the other end (Annex B), and under `i` every member brings its case
/// equivalents (a negated class then excludes them too).
extension RegexParser {
    /// One member of a class: a unit, or a class escape.
    enum ClassAtom {
        case unit(UInt16)
        case set(UnitSet)

        var set: UnitSet {
            switch self {
            case .unit(let unit): UnitSet(unit)
            case .set(let set): set
            }
        }
    }

    /// `[…]` at the position (its `[`).
    mutating func parseClass() throws(RegexSyntaxError) -> RegexNode {
        let open = position
        position += 1
        let negated = peek() == Unit.caret
        if negated { position += 1 }
        var members: [ClosedRange<UInt16>] = []
        while true {
            guard let c = peek() else { throw RegexSyntaxError("Unterminated character class", at: open) }
            if c == Unit.closeBracket { break }
            let first = try classAtom()
            guard peek() == Unit.minus, let after = peek(1), after != Unit.closeBracket else {
                members += first.set.ranges
                continue
            }
            position += 1
            let second = try classAtom()
            if case .unit(let low) = first, case .unit(let high) = second {
                guard low <= high else { throw error("Range out of order in character class") }
                members.append(low...high)
            } else {
                members += first.set.ranges + [Unit.minus...Unit.minus] + second.set.ranges
            }
        }
        position += 1
        var set = UnitSet(members)
        if ignoreCase { set = CaseFolding.closure(of: set) }
        return .set(negated ? set.inverted : set)
    }

    /// The member at the position, consumed.
    private mutating func classAtom() throws(RegexSyntaxError) -> ClassAtom {
        let c = units[position]
        position += 1
        guard c == Unit.backslash else { return .unit(c) }
        guard let e = peek() else { throw RegexSyntaxError("\\ at end of pattern", at: position - 1) }
        if let set = Self.classEscape(e) {
            position += 1
            return .set(set)
        }
        switch e {
        case Unit.letterB:
            position += 1
            return .unit(0x08)
        case 0x38, 0x39:
            if strict { throw error("Invalid escape") }
            position += 1
            return .unit(e)
        case Unit.letterC:
            // Annex B's ClassControlLetter also takes digits and `_`; otherwise the backslash is itself.
            guard let letter = peek(1), Unit.isASCIILetter(letter) || Unit.isDigit(letter) || letter == Unit.underscore else {
                if strict { throw error("Invalid escape") }
                return .unit(Unit.backslash)
            }
            position += 2
            return .unit(letter % 32)
        default:
            return .unit(try characterEscape())
        }
    }
}
