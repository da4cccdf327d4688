import JSON

extension JSONPath {
    /// One compiled step of a path after its root (Jayway's path tokens).
    indirect enum Segment: Sendable {
        /// `.name` or `['name']`.
        case member(String)
        /// `[n]`; negative counts from the end.
        case index(Int)
        /// `['a','b']`: at the end of a path, one object holding the named members that exist (Jayway's
        /// merge case); elsewhere, each named member in turn.
        case members([String])
        /// `[0,2]`: each listed element in turn.
        case indexes([Int])
        /// `.*` or `[*]`: every element of an array, every member value of an object.
        case wildcard
        /// `[start:end]`, either bound optional, negative bounds counting from the end (Jayway has no step).
        case slice(start: Int?, end: Int?)
        /// `[?(…)]`: the array elements (or the object itself) the predicate accepts.
        case filter(FilterExpression)
        /// `..x`: applies `x` to the node and to every node below it, in document order.
        case descendant(Segment)

        /// Names and single indexes only: the steps a Reference Path may use.
        var isReferenceStep: Bool {
            switch self {
            case .member, .index: true
            default: false
            }
        }

        /// Jayway's "definite path": names and single indexes, plus a name list as the very last step.
        static func isDefinite(_ segments: [Segment]) -> Bool {
            for (position, segment) in segments.enumerated() {
                switch segment {
                case .member, .index: continue
                case .members where position == segments.count - 1: continue
                default: return false
                }
            }
            return true
        }
    }
}

extension JSONPath.Segment: CustomStringConvertible {
    /// The step in Jayway's normalized notation (`['name']`, `[0]`), as its error messages print paths.
    var description: String {
        switch self {
        case .member(let name): "['\(name)']"
        case .index(let index): "[\(index)]"
        case .members(let names): "[" + names.map { "'\($0)'" }.joined(separator: ",") + "]"
        case .indexes(let indexes): "[" + indexes.map(String.init).joined(separator: ",") + "]"
        case .wildcard: "[*]"
        case .slice(let start, let end): "[" + (start.map(String.init) ?? "") + ":" + (end.map(String.init) ?? "") + "]"
        case .filter: "[?]"
        case .descendant(let inner): ".." + inner.description
        }
    }
}
