import JSON

extension JSONPath {
    /// Applies one indefinite-path step to `node`, then the rest of the path to each node it selects.
    static func apply(
        _ segment: Segment, then rest: ArraySlice<Segment>, to node: JSON, _ root: JSON, into matches: inout [JSON]
    ) {
        switch (segment, node) {
        case (.member(let name), .object(let object)):
            if let child = object[name] { collect(rest, child, root, into: &matches) }
        case (.index(let index), .array(let array)):
            if let child = element(of: array, at: index) { collect(rest, child, root, into: &matches) }
        case (.members(let names), .object(let object)):
            if rest.isEmpty {
                matches.append(.object(merged(object, names)))
                return
            }
            for name in names { if let child = object[name] { collect(rest, child, root, into: &matches) } }
        case (.indexes(let indexes), .array(let array)):
            for index in indexes { if let child = element(of: array, at: index) { collect(rest, child, root, into: &matches) } }
        case (.wildcard, .array(let array)):
            for child in array { collect(rest, child, root, into: &matches) }
        case (.wildcard, .object(let object)):
            for child in object.values { collect(rest, child, root, into: &matches) }
        case (.slice(let start, let end), .array(let array)):
            for position in sliceIndices(count: array.count, start: start, end: end) {
                collect(rest, array[position], root, into: &matches)
            }
        case (.filter(let predicate), .array(let array)):
            for child in array where predicate.accepts(child, root: root) { collect(rest, child, root, into: &matches) }
        case (.filter(let predicate), .object):
            if predicate.accepts(node, root: root) { collect(rest, node, root, into: &matches) }
        case (.descendant(let inner), _):
            descend(inner, then: rest, from: node, root, into: &matches)
        default:
            return
        }
    }

    /// `..inner`: `inner` applied to `node` and to each node below it, parents before children.
    static func descend(
        _ inner: Segment, then rest: ArraySlice<Segment>, from node: JSON, _ root: JSON, into matches: inout [JSON]
    ) {
        apply(inner, then: rest, to: node, root, into: &matches)
        switch node {
        case .array(let array):
            for child in array { descend(inner, then: rest, from: child, root, into: &matches) }
        case .object(let object):
            for child in object.values { descend(inner, then: rest, from: child, root, into: &matches) }
        default:
            return
        }
    }

    /// The positions a slice selects (Jayway's `ArraySliceOperation`): a negative bound counts from the end,
    /// bounds past either end are clamped.
    static func sliceIndices(count: Int, start: Int?, end: Int?) -> Range<Int> {
        func clamp(_ bound: Int) -> Int { bound < 0 ? Swift.max(0, bound + count) : Swift.min(bound, count) }
        let lower = start.map(clamp) ?? 0
        let upper = end.map(clamp) ?? count
        return lower < upper ? lower..<upper : 0..<0
    }
}
