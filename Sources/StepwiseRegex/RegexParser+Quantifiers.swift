/// Quantifiers: `*`, `+`, `?` and braces, each optionally lazy.
extension RegexParser {
    /// The quantifier at the position, consumed; nil when there is none. A brace that does not make a whole
    /// `{n}`, `{n,}` or `{n,m}` is a literal (Annex B), left for the next atom.
    mutating func parseQuantifier() throws(RegexSyntaxError) -> Quantifier? {
        var quantifier: Quantifier
        let open = position
        switch peek() {
        case Unit.star: quantifier = Quantifier(min: 0, max: .max, greedy: true)
        case Unit.plus: quantifier = Quantifier(min: 1, max: .max, greedy: true)
        case Unit.question: quantifier = Quantifier(min: 0, max: 1, greedy: true)
        case Unit.openBrace:
            guard let braces = bracedQuantifier(consuming: true) else { return nil }
            guard braces.min <= braces.max else { throw RegexSyntaxError("numbers out of order in {} quantifier", at: open) }
            quantifier = braces
        default: return nil
        }
        if position == open { position += 1 }
        if peek() == Unit.question {
            position += 1
            quantifier.greedy = false
        }
        return quantifier
    }

    /// `{n}`, `{n,}` or `{n,m}` at the position; when `consuming`, the position moves past it. Numbers are
    /// capped at 2^31 - 1, as V8 caps them (a count that large is never reached before the budget ends).
    mutating func bracedQuantifier(consuming: Bool) -> Quantifier? {
        var at = position + 1
        guard let min = decimal(&at) else { return nil }
        var max = min
        if at < units.count, units[at] == Unit.comma {
            at += 1
            max = decimal(&at) ?? .max
        }
        guard at < units.count, units[at] == Unit.closeBrace else { return nil }
        if consuming { position = at + 1 }
        return Quantifier(min: min, max: max, greedy: true)
    }

    /// The decimal number at `at`, which moves past it; nil when there is no digit.
    func decimal(_ at: inout Int) -> Int? {
        var value = 0
        let start = at
        while at < units.count, Unit.isDigit(units[at]) {
            value = min(value * 10 + Int(units[at] - Unit.zero), Int(Int32.max))
            at += 1
        }
        return at == start ? nil : value
    }
}
