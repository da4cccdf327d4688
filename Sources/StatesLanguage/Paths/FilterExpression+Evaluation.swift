import JSON

extension FilterExpression {
    /// Whether `candidate` passes the filter; `root` is the document the whole path runs on.
    func accepts(_ candidate: JSON, root: JSON) -> Bool {
        switch self {
        case .or(let left, let right): left.accepts(candidate, root: root) || right.accepts(candidate, root: root)
        case .and(let left, let right): left.accepts(candidate, root: root) && right.accepts(candidate, root: root)
        case .not(let inner): !inner.accepts(candidate, root: root)
        case .exists(let operand): operand.exists(candidate, root: root)
        case .compare(let left, let op, let right):
            op.holds(left.value(candidate, root: root), right, candidate: candidate, root: root)
        }
    }
}

extension FilterOperand {
    /// The operand's value; nil when a path selects nothing (Jayway's "undefined").
    func value(_ candidate: JSON, root: JSON) -> JSON? {
        switch self {
        case .current(let path): path.select(from: candidate, root: root)
        case .root(let path): path.select(from: root, root: root)
        case .literal(let value): value
        case .regex: nil
        }
    }

    /// An existence test: a definite path must select a node, an indefinite one at least one.
    func exists(_ candidate: JSON, root: JSON) -> Bool {
        switch value(candidate, root: root) {
        case nil: false
        case .array(let matches) where !isDefinitePath: !matches.isEmpty
        default: true
        }
    }

    private var isDefinitePath: Bool {
        switch self {
        case .current(let path), .root(let path): path.isDefinite || path.function != nil
        case .literal, .regex: true
        }
    }
}

extension FilterPath {
    func select(from node: JSON, root: JSON) -> JSON? {
        if segments.isEmpty && function == nil { return node }
        return JSONPath.select(segments, function: function, isDefinite: isDefinite, from: node, root: root)
    }
}
