extension AttributeMap {
    /// Only the attributes and nested elements named by `paths` (resolved), as ProjectionExpression returns
    /// them: selected list elements are packed into a shorter list, in index order.
    func projected(_ paths: [DocumentPath]) -> AttributeMap {
        var tree = ProjectionTree()
        for path in paths {
            guard let value = value(at: path) else { continue }
            tree.insert(value, at: path.elements[...])
        }
        guard case .map(let map)? = tree.build() else { return AttributeMap() }
        return map
    }
}

/// The selected parts of an item, merged path by path before being turned back into values.
private struct ProjectionTree {
    var whole: AttributeValue?
    var children: [DocumentPath.Element: ProjectionTree] = [:]
    var order: [DocumentPath.Element] = []

    mutating func insert(_ value: AttributeValue, at path: ArraySlice<DocumentPath.Element>) {
        guard whole == nil else { return }
        guard let first = path.first else {
            whole = value
            children = [:]
            order = []
            return
        }
        if children[first] == nil { order.append(first) }
        children[first, default: ProjectionTree()].insert(value, at: path.dropFirst())
    }

    func build() -> AttributeValue? {
        if let whole { return whole }
        guard let first = order.first else { return nil }
        if case .index = first {
            let indexes = order.sorted { if case .index(let a) = $0, case .index(let b) = $1 { a < b } else { false } }
            return .list(indexes.compactMap { children[$0]?.build() })
        }
        return .map(
            AttributeMap(
                order.compactMap { element in
                    guard case .name(let name) = element, let value = children[element]?.build() else { return nil }
                    return (name, value)
                }))
    }
}
