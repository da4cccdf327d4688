/// The order-by operator `^(...)`, the merge sort it shares with `$sort`, and the transform operator `|...|...|`.
extension Evaluator {
    func evaluateSort(_ expr: Node, _ input: JArray, _ env: Environment) throws(JSONataError) -> JArray {
        let isTuples = input.tupleStream
        let comparator: (Value, Value) throws(JSONataError) -> Bool = { a, b throws(JSONataError) in
            var comp = 0
            for term in expr.terms where comp == 0 {
                let aa = try self.sortKey(term.expression, a, isTuples, env)
                let bb = try self.sortKey(term.expression, b, isTuples, env)
                guard let aa else {
                    comp = bb == nil ? 0 : 1
                    continue
                }
                guard let bb else {
                    comp = -1
                    continue
                }
                switch (aa, bb) {
                case (.number(let x), .number(let y)):
                    if x == y { continue }
                    comp = x < y ? -1 : 1
                case (.string(let x), .string(let y)):
                    let order = Functions.compareStrings(x, y)
                    if order == 0 { continue }
                    comp = order
                case (.number, _), (.string, _):
                    if case .number = bb {
                    } else if case .string = bb {
                    } else {
                        throw JSONataError.make("T2008", position: expr.position, value: bb)
                    }
                    throw JSONataError.make("T2007", position: expr.position, value: aa, value2: bb)
                default:
                    throw JSONataError.make("T2008", position: expr.position, value: aa)
                }
                if term.descending { comp = -comp }
            }
            return comp == 1
        }
        if input.items.count <= 1 { return input }
        let sorted = try mergeSort(input.items, comparator)
        let result = JArray(sorted)
        result.tupleStream = isTuples
        return result
    }

    private func sortKey(_ expression: Node, _ item: Value, _ isTuples: Bool, _ env: Environment) throws(JSONataError) -> Value? {
        if isTuples, let tuple = item.objectValue {
            return try evaluate(expression, tuple["@"], Environment.from(tuple: tuple, parent: env))
        }
        return try evaluate(expression, item, env)
    }

    /// A stable merge sort; `swap(a, b)` says whether `b` must come before `a`. It checks the deadline at every
    /// comparison: a comparison that is not a JSONata function never goes through `evaluate`.
    func mergeSort(_ items: [Value], _ swap: (Value, Value) throws(JSONataError) -> Bool) throws(JSONataError) -> [Value] {
        guard items.count > 1 else { return items }
        let middle = items.count / 2
        let left = try mergeSort(Array(items[..<middle]), swap)
        let right = try mergeSort(Array(items[middle...]), swap)
        var merged: [Value] = []
        merged.reserveCapacity(items.count)
        var i = 0
        var j = 0
        while i < left.count, j < right.count {
            try guardTime()
            if try swap(left[i], right[j]) {
                merged.append(right[j])
                j += 1
            } else {
                merged.append(left[i])
                i += 1
            }
        }
        merged.append(contentsOf: left[i...])
        merged.append(contentsOf: right[j...])
        return merged
    }

    func evaluateTransform(_ expr: Node, _ env: Environment, _ object: Value?) throws(JSONataError) -> Value? {
        guard let object else { return nil }
        if let clone = env.lookup("clone"), !clone.isFunction { throw JSONataError.make("T2013", position: expr.position) }
        let result = Functions.deepClone(object)
        guard let matches = try evaluate(expr.pattern!, result, env) else { return result }
        let targets: [Value] = matches.arrayValue?.items ?? [matches]
        for match in targets {
            if let update = try evaluate(expr.update!, match, env) {
                guard case .object(let fields) = update else {
                    throw JSONataError.make("T2011", position: expr.update!.position, value: update)
                }
                if case .object(let target) = match {
                    for (key, value) in fields.pairs { target[key] = value }
                }
            }
            guard let deleteExpr = expr.delete, let deletions = try evaluate(deleteExpr, match, env) else { continue }
            let names = deletions.arrayValue?.items ?? [deletions]
            var keys: [String] = []
            for name in names {
                guard case .string(let key) = name else {
                    throw JSONataError.make("T2012", position: deleteExpr.position, value: deletions)
                }
                keys.append(key)
            }
            if case .object(let target) = match { for key in keys { target[key] = nil } }
        }
        return result
    }
}
