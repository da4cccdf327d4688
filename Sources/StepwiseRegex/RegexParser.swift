/// Parses a JavaScript pattern without the `u` flag, as Node reads it (ECMA-262 §22.2.1 with the Annex B
/// grammar browsers use): the pattern is read as UTF-16 code units, the result is a `RegexNode` tree.
///
/// Recursion happens only at groups, and groups may nest `maxNesting` deep: no pattern can exhaust the stack.
struct RegexParser {
    let units: [UInt16]
    let flags: RegexFlags
    let maxNesting: Int
    /// Capturing groups in the whole pattern: a decimal escape above this count is not a back-reference.
    let groupCount: Int
    /// Named groups and their indexes; `\k` is a named reference only when there is at least one.
    let groupNames: [String: Int]
    var position = 0
    var depth = 0
    var nextGroup = 1

    init(_ pattern: [UInt16], flags: RegexFlags, maxNesting: Int) throws(RegexSyntaxError) {
        units = pattern
        self.flags = flags
        self.maxNesting = maxNesting
        (groupCount, groupNames) = try Self.scanGroups(pattern)
    }

    /// The whole pattern; a `)` with no group open is an error.
    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseDisjunction()
        if position < units.count { throw RegexSyntaxError("Unmatched ')'", at: position) }
        return node
    }

    // MARK: Reading

    func peek(_ offset: Int = 0) -> UInt16? {
        position + offset < units.count ? units[position + offset] : nil
    }

    func error(_ message: String) -> RegexSyntaxError { RegexSyntaxError(message, at: position) }

    var ignoreCase: Bool { flags.contains(.ignoreCase) }

    // MARK: Structure

    mutating func parseDisjunction() throws(RegexSyntaxError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while peek() == Unit.bar {
            position += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseAlternative() throws(RegexSyntaxError) -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek(), c != Unit.bar, c != Unit.closeParen { terms.append(try parseTerm()) }
        return terms.count == 1 ? terms[0] : (terms.isEmpty ? .empty : .sequence(terms))
    }

    /// An atom and its quantifier; anchors, `\b`, `\B` and lookbehinds take none ("Nothing to repeat").
    mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
        let firstGroup = nextGroup
        let (atom, quantifiable) = try parseAtom()
        let at = position
        guard let quantifier = try parseQuantifier() else { return atom }
        guard quantifiable else { throw RegexSyntaxError("Nothing to repeat", at: at) }
        return .quantified(atom, quantifier, captures: firstGroup..<nextGroup)
    }

    mutating func parseAtom() throws(RegexSyntaxError) -> (RegexNode, quantifiable: Bool) {
        let c = units[position]
        switch c {
        case Unit.caret:
            position += 1
            return (.assertion(flags.contains(.multiline) ? .lineStart : .inputStart), false)
        case Unit.dollar:
            position += 1
            return (.assertion(flags.contains(.multiline) ? .lineEnd : .inputEnd), false)
        case Unit.backslash where peek(1) == Unit.letterB || peek(1) == Unit.letterCapitalB:
            position += 2
            return (.assertion(units[position - 1] == Unit.letterB ? .wordBoundary : .notWordBoundary), false)
        case Unit.backslash: return (try parseAtomEscape(), true)
        case Unit.openParen: return try parseGroup()
        case Unit.openBracket: return (try parseClass(), true)
        case Unit.dot:
            position += 1
            return (.set(flags.contains(.dotAll) ? .all : UnitSet.lineTerminators.inverted), true)
        case Unit.star, Unit.plus, Unit.question: throw error("Nothing to repeat")
        case Unit.openBrace where bracedQuantifier(consuming: false) != nil: throw error("Nothing to repeat")
        default:
            position += 1
            return (literal(c), true)
        }
    }

    /// A unit as itself, or under `i` as the set of units JavaScript treats as equal to it.
    func literal(_ unit: UInt16) -> RegexNode {
        guard ignoreCase else { return .unit(unit) }
        let set = CaseFolding.closure(of: UnitSet(unit))
        return set.ranges == [unit...unit] ? .unit(unit) : .set(set)
    }

    // MARK: Groups

    /// `(…)`, `(?:…)`, `(?<name>…)`, `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`; Annex B lets a lookahead take a
    /// quantifier, not a lookbehind.
    mutating func parseGroup() throws(RegexSyntaxError) -> (RegexNode, quantifiable: Bool) {
        let open = position
        depth += 1
        defer { depth -= 1 }
        guard depth <= maxNesting else { throw error("Groups nested more than \(maxNesting) deep") }
        position += 1
        guard peek() == Unit.question else {
            let index = takeGroup()
            return (.capture(try parseGroupBody(open), index: index), true)
        }
        switch (peek(1), peek(2)) {
        case (Unit.colon, _):
            position += 2
            return (try parseGroupBody(open), true)
        case (Unit.equals, _), (Unit.exclamation, _), (Unit.less, Unit.equals), (Unit.less, Unit.exclamation):
            let behind = peek(1) == Unit.less
            position += behind ? 3 : 2
            let kind = LookKind(behind: behind, negative: units[position - 1] == Unit.exclamation)
            return (.look(try parseGroupBody(open), kind), !behind)
        case (Unit.less, _):
            position += 2
            guard let (_, end) = Self.groupName(units, from: position) else { throw error("Invalid capture group name") }
            position = end
            let index = takeGroup()
            return (.capture(try parseGroupBody(open), index: index), true)
        default:
            throw error("Invalid group")
        }
    }

    /// The disjunction up to the group's `)`, consumed.
    private mutating func parseGroupBody(_ open: Int) throws(RegexSyntaxError) -> RegexNode {
        let body = try parseDisjunction()
        guard peek() == Unit.closeParen else { throw RegexSyntaxError("Unterminated group", at: open) }
        position += 1
        return body
    }

    /// The next capture index, in the order groups open.
    private mutating func takeGroup() -> Int {
        defer { nextGroup += 1 }
        return nextGroup
    }
}
