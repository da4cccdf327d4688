import JSON

extension JSONPath {
    /// The selected value, or nil when a definite path matches nothing (asl-reference §2.1 "Path multi-match
    /// semantics"). An indefinite path (wildcard, slice, filter, union, `..`) returns the array of its matches,
    /// empty when nothing matches, as Jayway does.
    package func value(in roots: PathRoots) -> JSON? {
        switch root {
        case .input: value(from: roots.input)
        case .context: value(from: roots.context)
        case .variable(let name): roots.variables[name].flatMap(value(from:))
        }
    }

    /// Evaluates the steps after the root against `document`, whatever the root says.
    package func value(from document: JSON) -> JSON? {
        if segments.isEmpty && function == nil { return document }
        return Self.select(segments, function: function, isDefinite: isDefinite, from: document, root: document)
    }

    static func select(_ segments: [Segment], function: PathFunction?, isDefinite: Bool, from node: JSON, root: JSON) -> JSON? {
        let selected: JSON?
        if isDefinite {
            selected = definite(segments, node)
        } else {
            var matches: [JSON] = []
            collect(segments[...], node, root, into: &matches)
            selected = .array(matches)
        }
        guard let function else { return selected }
        return selected.flatMap(function.apply(to:))
    }

    /// The fast path: a walk down names and indexes, no intermediate arrays.
    static func definite(_ segments: [Segment], _ node: JSON) -> JSON? {
        var current = node
        for segment in segments {
            switch segment {
            case .member(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .index(let index):
                guard case .array(let array) = current, let next = element(of: array, at: index) else { return nil }
                current = next
            case .members(let names):
                guard case .object(let object) = current else { return nil }
                return .object(merged(object, names))
            default:
                preconditionFailure("not a definite step: \(segment)")
            }
        }
        return current
    }

    /// The element at `index`, counting from the end when negative.
    static func element(of array: [JSON], at index: Int) -> JSON? {
        let position = index < 0 ? array.count + index : index
        // Not a ternary: `JSON` is `ExpressibleByNilLiteral`, so `cond ? element : nil` would yield `.null`.
        guard array.indices.contains(position) else { return nil }
        return array[position]
    }

    /// Jayway's multi-property merge: a new object with those of `names` that `object` has, in `names` order.
    static func merged(_ object: JSONObject, _ names: [String]) -> JSONObject {
        var result = JSONObject()
        for name in names { if let value = object[name] { result[name] = value } }
        return result
    }

    /// Appends to `matches` every node that `segments` select from `node`, in document order.
    static func collect(_ segments: ArraySlice<Segment>, _ node: JSON, _ root: JSON, into matches: inout [JSON]) {
        guard let segment = segments.first else {
            matches.append(node)
            return
        }
        apply(segment, then: segments.dropFirst(), to: node, root, into: &matches)
    }
}
