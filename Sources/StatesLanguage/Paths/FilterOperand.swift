import JSON

/// One side of a filter comparison.
enum FilterOperand: Sendable {
    /// `@…`: a path from the candidate node.
    case current(FilterPath)
    /// `$…`: a path from the root of the document being searched.
    case root(FilterPath)
    case literal(JSON)
    /// `/pattern/flags`, the right-hand side of `=~`.
    case regex(RegexBox)

    var isPath: Bool {
        switch self {
        case .current, .root: true
        case .literal, .regex: false
        }
    }
}

/// The steps of an `@` or `$` path inside a filter, compiled like a top-level path.
struct FilterPath: Sendable {
    let segments: [JSONPath.Segment]
    let function: PathFunction?
    let isDefinite: Bool

    init(segments: [JSONPath.Segment], function: PathFunction?) {
        self.segments = segments
        self.function = function
        self.isDefinite = JSONPath.Segment.isDefinite(segments)
    }
}
