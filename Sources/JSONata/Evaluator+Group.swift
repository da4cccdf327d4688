/// Object construction and grouping: `{key: value}` on its own or applied to a path, with tuple streams reduced.
extension Evaluator {
    func evaluateGroup(_ pairs: [(Node, Node)], position: Int, _ input: Value?, _ env: Environment) throws(JSONataError) -> JObject {
        var reduce = false
        var items: [Value?] = [input]
        if case .array(let a) = input {
            reduce = a.tupleStream
            items = a.items.map { $0 }
        }
        if items.isEmpty { items = [nil] }
        var order: [String] = []
        var groups: [String: (data: Value?, exprIndex: Int)] = [:]
        for item in items {
            let tuple = reduce ? item?.objectValue : nil
            let frame = tuple.map { Environment.from(tuple: $0, parent: env) } ?? env
            for (pairIndex, pair) in pairs.enumerated() {
                let key = try evaluate(pair.0, tuple.map { $0["@"] } ?? item, frame)
                guard let key else { continue }
                guard case .string(let name) = key else { throw JSONataError.make("T1003", position: position, value: key) }
                if let existing = groups[name] {
                    if existing.exprIndex != pairIndex { throw JSONataError.make("D1009", position: position, value: key) }
                    groups[name] = (Functions.append(existing.data, item), pairIndex)
                } else {
                    order.append(name)
                    groups[name] = (item, pairIndex)
                }
            }
        }
        let result = JObject()
        for key in order {
            let entry = groups[key]!
            var context = entry.data
            var frame = env
            if reduce {
                let tuple = Self.reduceTupleStream(entry.data)
                context = tuple["@"]
                tuple["@"] = nil
                frame = Environment.from(tuple: tuple, parent: env)
            }
            if let value = try evaluate(pairs[entry.exprIndex].1, context, frame) { result[key] = value }
        }
        return result
    }

    static func reduceTupleStream(_ stream: Value?) -> JObject {
        guard case .array(let a) = stream else { return stream?.objectValue?.copy() ?? JObject() }
        let result = a.items.first?.objectValue?.copy() ?? JObject()
        for item in a.items.dropFirst() {
            guard let tuple = item.objectValue else { continue }
            for (key, value) in tuple.pairs { result[key] = Functions.append(result[key], value) }
        }
        return result
    }
}
