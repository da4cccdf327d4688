/// What the search loop can know before running the machine: the units a match can start with, and whether
/// only position 0 can match.
extension Compiler {
    /// The units the first consumed unit can be, and whether the node can match without consuming any.
    /// Zero-width parts are skipped, so the set may be larger than needed, never smaller.
    static func firstUnits(_ node: RegexNode) -> (UnitSet, canBeEmpty: Bool) {
        switch node {
        case .empty, .assertion, .look: return (.empty, true)
        case .unit(let unit): return (UnitSet(unit), false)
        case .set(let set): return (set, false)
        case .backReference: return (.all, true)
        case .capture(let body, _): return firstUnits(body)
        case .quantified(let body, let quantifier, _):
            guard quantifier.max > 0 else { return (.empty, true) }
            let (set, canBeEmpty) = firstUnits(body)
            return (set, canBeEmpty || quantifier.min == 0)
        case .sequence(let nodes):
            var union = UnitSet.empty
            for node in nodes {
                let (set, canBeEmpty) = firstUnits(node)
                union = union.union(set)
                if !canBeEmpty { return (union, false) }
            }
            return (union, true)
        case .alternation(let alternatives):
            var union = UnitSet.empty
            var anyEmpty = false
            for alternative in alternatives {
                let (set, canBeEmpty) = firstUnits(alternative)
                union = union.union(set)
                anyEmpty = anyEmpty || canBeEmpty
            }
            return (union, anyEmpty)
        }
    }

    /// Whether every match begins with `^` without `m`.
    static func isAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.inputStart): true
        case .sequence(let nodes): nodes.first.map(isAnchored) ?? false
        case .alternation(let alternatives): alternatives.allSatisfy(isAnchored)
        case .capture(let body, _): isAnchored(body)
        case .quantified(let body, let quantifier, _): quantifier.min > 0 && isAnchored(body)
        default: false
        }
    }
}
