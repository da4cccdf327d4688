import JSON

extension PayloadTemplate {
    /// Evaluates the template against `roots` (`$` is the input it applies to: the effective input for
    /// Parameters, the result for ResultSelector). A path that matches nothing is States.Runtime with AWS's
    /// text (asl-reference §2.1 step 2 and §10 item 2); intrinsic failures come from `IntrinsicFunction`.
    package func evaluate(_ roots: PathRoots) throws(StatesError) -> JSON {
        var random = roots.makeRandom()
        return try Self.evaluate(root, roots, &random)
    }

    static func evaluate(_ node: Node, _ roots: PathRoots, _ random: inout AnyRandom) throws(StatesError) -> JSON {
        switch node {
        case .literal(let value):
            return value
        case .path(let path, let key):
            guard let value = path.value(in: roots) else {
                throw .runtime(
                    "The JSONPath '\(path.text)' specified for the field '\(key)' could not be found in the input '\(roots.input.serialized())'"
                )
            }
            return value
        case .intrinsic(let call):
            return try call.evaluate(roots, field: nil, using: &random)
        case .object(let keys, let nodes):
            // Keys are distinct by construction (compilation rejects duplicates after stripping `.$`).
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, roots, &random)) }
            return .object(JSONObject(uniqueKeys: keys, values: values))
        case .array(let nodes):
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, roots, &random)) }
            return .array(values)
        }
    }
}
