/// Object construction and grouping: `{key: value}` on its own or applied to a path, with tuple streams reduced.
extension Evaluator {
    func evaluateGroup(_ pairs: [(Node, Node)], position: Int, _ input: Value?, _ env: Environment) throws(JSONataError) -> JObject {
        if case .array = input {} else { return try evaluateObject(pairs, position: position, input, env) }
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

    /// `evaluateGroup` over a single item (an object constructor on anything but an array): every key, then
    /// every value with the item as context, in the keys' order.
    private func evaluateObject(_ pairs: [(Node, Node)], position: Int, _ item: Value?, _ env: Environment) throws(JSONataError) -> JObject {
        var names: [String] = []
        var sources: [Int] = []
        names.reserveCapacity(pairs.count)
        sources.reserveCapacity(pairs.count)
        for (pairIndex, pair) in pairs.enumerated() {
            guard let key = try evaluate(pair.0, item, env) else { continue }
            guard case .string(let name) = key else { throw JSONataError.make("T1003", position: position, value: key) }
            if names.contains(name) { throw JSONataError.make("D1009", position: position, value: key) }
            names.append(name)
            sources.append(pairIndex)
        }
        let result = JObject(minimumCapacity: names.count)
        for (name, pairIndex) in zip(names, sources) {
            if let value = try evaluate(pairs[pairIndex].1, item, env) { result[name] = value }
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
