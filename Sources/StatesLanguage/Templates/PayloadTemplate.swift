import JSON

/// A compiled payload template (Parameters, ResultSelector, ItemSelector, Assign in JSONPath states):
/// keys ending in `.$` hold a path (`$…`, `$$…`, `$name…`) or an intrinsic call, evaluated and stored under the
/// key without `.$`; everything else is literal, to any depth (asl-reference §2.1 step 2).
public struct PayloadTemplate: Sendable {
    indirect enum Node: Sendable {
        case literal(JSON)
        case path(JSONPath, key: String)
        case intrinsic(IntrinsicFunction)
        case object(keys: [String], nodes: [Node])
        case array([Node])
    }

    let root: Node

    /// Compiles a template. Throws a message for a `.$` value that is neither a path nor an intrinsic call.
    public init(_ template: JSON) throws(TemplateError) {
        root = try Self.compile(template, key: nil)
    }

    static func compile(_ value: JSON, key: String?) throws(TemplateError) -> Node {
        switch value {
        case .object(let object):
            var keys: [String] = []
            var nodes: [Node] = []
            for (name, member) in object {
                if name.hasSuffix(".$") {
                    keys.append(String(name.dropLast(2)))
                    nodes.append(try compileDynamic(member, key: name))
                } else {
                    keys.append(name)
                    nodes.append(try compile(member, key: name))
                }
            }
            return .object(keys: keys, nodes: nodes)
        case .array(let elements):
            var nodes: [Node] = []
            for element in elements { nodes.append(try compile(element, key: key)) }
            return .array(nodes)
        default:
            return .literal(value)
        }
    }

    static func compileDynamic(_ value: JSON, key: String) throws(TemplateError) -> Node {
        guard case .string(let text) = value else { throw TemplateError(key: key, message: "must be a string") }
        if IntrinsicFunction.looksLikeCall(text) {
            do { return .intrinsic(try IntrinsicFunction(text)) } catch { throw TemplateError(key: key, message: error.message) }
        }
        do { return .path(try JSONPath(text), key: key) } catch { throw TemplateError(key: key, message: error.message) }
    }

    /// Evaluates the template. A path that matches nothing is States.Runtime with AWS's text.
    public func evaluate(_ roots: PathRoots) throws(StatesError) -> JSON {
        try Self.evaluate(root, roots)
    }

    static func evaluate(_ node: Node, _ roots: PathRoots) throws(StatesError) -> JSON {
        switch node {
        case .literal(let value): return value
        case .path(let path, let key):
            guard let value = path.value(in: roots) else {
                throw .runtime(
                    "The JSONPath '\(path.text)' specified for the field '\(key)' could not be found in the input '\(roots.input.serialized())'")
            }
            return value
        case .intrinsic(let call): return try call.evaluate(roots)
        case .object(let keys, let nodes):
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, roots)) }
            return .object(JSONObject(zip(keys, values)))
        case .array(let nodes):
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, roots)) }
            return .array(values)
        }
    }
}

/// A `.$` member of a template that cannot be compiled.
public struct TemplateError: Error, Sendable, Hashable {
    /// The key as written, with its `.$`.
    public var key: String
    public var message: String
}
