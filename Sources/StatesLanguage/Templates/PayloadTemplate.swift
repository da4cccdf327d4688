import JSON

/// A compiled payload template (Parameters, ResultSelector, ItemSelector, Assign in JSONPath states):
/// keys ending in `.$` hold a path (`$…`, `$$…`, `$name…`) or an intrinsic call, evaluated and stored under the
/// key without `.$`; everything else is literal, to any depth (asl-reference §2.1 step 2).
///
/// Compiled once: paths and intrinsic calls are parsed here, and subtrees without a `.$` key anywhere
/// become one literal that evaluation returns as is (shared, not copied).
package struct PayloadTemplate: Sendable {
    indirect enum Node: Sendable {
        case literal(JSON)
        /// A path; `key` is the field as written (with `.$`), for error messages.
        case path(JSONPath, key: String)
        case intrinsic(IntrinsicFunction)
        case object(keys: [String], nodes: [Node])
        case array([Node])

        var literalValue: JSON? { if case .literal(let value) = self { value } else { nil } }
    }

    let root: Node

    /// Compiles a template. Throws for a `.$` value that is neither a path nor an intrinsic call, and for two
    /// fields that have the same name once `.$` is stripped (`a` and `a.$`).
    package init(_ template: JSON) throws(TemplateError) {
        root = try Self.compile(template)
    }

    /// True when the template has no `.$` field at any depth: evaluation returns the template itself.
    package var isLiteral: Bool { root.literalValue != nil }

    static func compile(_ value: JSON) throws(TemplateError) -> Node {
        switch value {
        case .object(let object): return try compileObject(object, original: value)
        case .array(let elements):
            var nodes: [Node] = []
            nodes.reserveCapacity(elements.count)
            for element in elements { nodes.append(try compile(element)) }
            return nodes.allSatisfy { $0.literalValue != nil } ? .literal(value) : .array(nodes)
        default:
            return .literal(value)
        }
    }

    static func compileObject(_ object: JSONObject, original: JSON) throws(TemplateError) -> Node {
        var keys: [String] = []
        var nodes: [Node] = []
        var seen: [String: String] = [:]
        for (name, member) in object {
            let isDynamic = name.hasSuffix(".$")
            let key = isDynamic ? String(name.dropLast(2)) : name
            if let earlier = seen.updateValue(name, forKey: key) {
                throw TemplateError(key: name, message: "the field '\(key)' is given twice ('\(earlier)' and '\(name)')")
            }
            keys.append(key)
            nodes.append(isDynamic ? try compileDynamic(member, key: name) : try compile(member))
        }
        let isLiteral = nodes.allSatisfy { $0.literalValue != nil }
        return isLiteral ? .literal(original) : .object(keys: keys, nodes: nodes)
    }

    static func compileDynamic(_ value: JSON, key: String) throws(TemplateError) -> Node {
        guard case .string(let text) = value else {
            throw TemplateError(key: key, message: "the value of a field ending in '.$' must be a string")
        }
        if IntrinsicFunction.looksLikeCall(text) {
            do { return .intrinsic(try IntrinsicFunction(text)) } catch {
                throw TemplateError(key: key, message: error.message)
            }
        }
        guard text.hasPrefix("$") else {
            throw TemplateError(key: key, message: "'\(text)' is not a JSONPath or an intrinsic function call")
        }
        do { return .path(try JSONPath(text), key: key) } catch {
            throw TemplateError(key: key, message: error.description)
        }
    }
}
