import JSON

extension JSONPath {
    /// Why this path selects nothing in `roots`, in the words of Jayway JsonPath (which AWS quotes after
    /// "Invalid path '…' : " for InputPath and OutputPath, asl-reference §2.1 steps 1 and 6).
    package func missDescription(in roots: PathRoots) -> String {
        switch root {
        case .input: missDescription(from: roots.input)
        case .context: missDescription(from: roots.context)
        case .variable(let name):
            roots.variables[name].map(missDescription(from:)) ?? "No results for path: \(normalized)"
        }
    }

    /// Jayway's notation of the path: `$['a'][0]['b']`.
    package var normalized: String {
        let steps = segments.map(\.description).joined() + (function.map { ".\($0.rawValue)()" } ?? "")
        switch root {
        case .input: return "$" + steps
        case .context: return "$$" + steps
        case .variable(let name): return "$" + name + steps
        }
    }

    func missDescription(from document: JSON) -> String {
        var node = document
        var prefix = normalized.prefix { $0 == "$" } + (root.variableName ?? "")
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            switch (segment, node) {
            case (.member(let name), .object(let object)):
                guard let child = object[name] else {
                    return isLast ? "No results for path: \(normalized)" : "Missing property in path \(prefix)\(segment)"
                }
                node = child
            case (.index(let index), .array(let array)):
                guard let child = Self.element(of: array, at: index) else { return "No results for path: \(normalized)" }
                node = child
            case (.index, _):
                return "Filter: \(segment) can only be applied to arrays. Current context is: \(node.serialized())"
            case (.member, _), (.members, _):
                return "Expected to find an object with property \(segment) in path \(prefix) but found '\(node.typeName)'."
            default:
                return "No results for path: \(normalized)"
            }
            prefix += segment.description
        }
        return "No results for path: \(normalized)"
    }
}

extension JSONPath.Root {
    var variableName: String? { if case .variable(let name) = self { name } else { nil } }
}
