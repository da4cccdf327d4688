extension AttributeValue {
    /// The value at `path` below this one, or nil when any step is missing or of the wrong type.
    func value(at path: ArraySlice<DocumentPath.Element>) -> AttributeValue? {
        guard let first = path.first else { return self }
        switch (self, first) {
        case (.map(let map), .name(let name)): return map[name]?.value(at: path.dropFirst())
        case (.list(let list), .index(let index)):
            return list.indices.contains(index) ? list[index].value(at: path.dropFirst()) : nil
        default: return nil
        }
    }

    /// Sets the value at `path`; the parent must exist. An index past a list's end appends, as DynamoDB does.
    mutating func set(_ value: AttributeValue, at path: ArraySlice<DocumentPath.Element>) throws {
        guard let first = path.first else {
            self = value
            return
        }
        let rest = path.dropFirst()
        switch (self, first) {
        case (.map(var map), .name(let name)):
            if rest.isEmpty {
                map[name] = value
            } else {
                guard var child = map[name] else { throw Self.invalidUpdatePath }
                try child.set(value, at: rest)
                map[name] = child
            }
            self = .map(map)
        case (.list(var list), .index(let index)):
            if rest.isEmpty, index >= list.count {
                list.append(value)
            } else {
                guard list.indices.contains(index) else { throw Self.invalidUpdatePath }
                try list[index].set(value, at: rest)
            }
            self = .list(list)
        default: throw Self.invalidUpdatePath
        }
    }

    /// Removes the value at `path`, if it is there (a list element removal shifts the rest down).
    mutating func remove(at path: ArraySlice<DocumentPath.Element>) {
        guard let first = path.first else { return }
        let rest = path.dropFirst()
        switch (self, first) {
        case (.map(var map), .name(let name)):
            if rest.isEmpty {
                map[name] = nil
            } else if var child = map[name] {
                child.remove(at: rest)
                map[name] = child
            }
            self = .map(map)
        case (.list(var list), .index(let index)) where list.indices.contains(index):
            if rest.isEmpty { list.remove(at: index) } else { list[index].remove(at: rest) }
            self = .list(list)
        default: return
        }
    }

    static let invalidUpdatePath = DynamoError.validation(
        "The document path provided in the update expression is invalid for update")
}

extension AttributeMap {
    /// The value at a resolved document path.
    func value(at path: DocumentPath) -> AttributeValue? {
        AttributeValue.map(self).value(at: path.elements[...])
    }

    mutating func set(_ value: AttributeValue, at path: DocumentPath) throws {
        var root = AttributeValue.map(self)
        try root.set(value, at: path.elements[...])
        if case .map(let map) = root { self = map }
    }

    mutating func remove(at path: DocumentPath) {
        var root = AttributeValue.map(self)
        root.remove(at: path.elements[...])
        if case .map(let map) = root { self = map }
    }
}
