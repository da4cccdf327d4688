/// Location paths: steps mapped over sequences, flattening, predicates, and tuple streams for `@`, `#` and `%`.
extension Evaluator {
    func evaluatePath(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        var inputItems: [Value?]
        let inputValue: Value
        if case .array(let a) = input, expr.steps[0].type != .variable {
            inputItems = a.items.map { $0 }
            inputValue = .array(a)
        } else {
            inputItems = [input]
            inputValue = .array(JArray.sequence(input.map { [$0] } ?? []))
        }
        var resultSequence: Value?
        var isTupleStream = false
        var tupleBindings: JArray?
        for (ii, step) in expr.steps.enumerated() {
            if step.tuple { isTupleStream = true }
            if ii == 0, step.consarray {
                resultSequence = try evaluate(step, inputValue, env)
            } else if isTupleStream {
                tupleBindings = try evaluateTupleStep(step, inputItems, tupleBindings, env)
            } else {
                resultSequence = .array(try evaluateStep(step, inputItems, env, lastStep: ii == expr.steps.count - 1))
            }
            if !isTupleStream {
                guard let result = resultSequence else { break }
                if case .array(let a) = result, a.items.isEmpty { break }
            }
            if step.focus == nil {
                if case .array(let a) = resultSequence { inputItems = a.items.map { $0 } } else { inputItems = [] }
            }
        }
        if isTupleStream {
            let tuples = tupleBindings ?? JArray.sequence()
            if expr.tuple {
                resultSequence = .array(tuples)
            } else {
                resultSequence = .array(JArray.sequence(tuples.items.compactMap { $0.objectValue?["@"] }))
            }
        }
        if expr.keepSingletonArray, case .array(var a) = resultSequence {
            if a.cons, !a.isSequence {
                a = JArray.sequence([.array(a)])
                resultSequence = .array(a)
            }
            // Only sequences read the flag; leaving other arrays alone keeps input values untouched.
            if a.isSequence { a.keepSingleton = true }
        }
        if let group = expr.group {
            resultSequence = .object(
                try evaluateGroup(group.pairs, position: group.position, isTupleStream ? tupleBindings.map(Value.array) : resultSequence, env))
        }
        return resultSequence
    }

    func evaluateStep(_ expr: Node, _ input: [Value?], _ env: Environment, lastStep: Bool) throws(JSONataError) -> JArray {
        if expr.type == .sort {
            var result = try evaluateSort(expr, JArray.sequence(input.compactMap { $0 }), env)
            if let stages = expr.stages { result = try evaluateStages(stages, result, env) }
            return result
        }
        var results: [Value] = []
        results.reserveCapacity(input.count)
        for item in input {
            var res = try evaluate(expr, item, env)
            if let stages = expr.stages {
                for case .filter(let p, _) in stages { res = .array(try evaluateFilter(p, res, env)) }
            }
            if let res { results.append(res) }
        }
        if lastStep, results.count == 1, case .array(let a) = results[0], !a.isSequence { return a }
        let sequence = JArray.sequence()
        for res in results {
            if case .array(let a) = res, !a.cons {
                sequence.items.append(contentsOf: a.items)
            } else {
                sequence.items.append(res)
            }
        }
        return sequence
    }

    func evaluateStages(_ stages: [Stage], _ input: JArray, _ env: Environment) throws(JSONataError) -> JArray {
        var result = input
        for stage in stages {
            switch stage {
            case .filter(let p, _):
                result = try evaluateFilter(p, .array(result), env)
            case .index(let name, _):
                for (position, tuple) in result.items.enumerated() { tuple.objectValue?[name] = .number(Double(position)) }
            }
        }
        return result
    }

    func evaluateTupleStep(_ expr: Node, _ input: [Value?], _ tupleBindings: JArray?, _ env: Environment) throws(JSONataError) -> JArray {
        if expr.type == .sort { return try evaluateTupleSort(expr, input, tupleBindings, env) }
        let result = JArray.sequence()
        result.tupleStream = true
        let bindings: [JObject] =
            tupleBindings?.items.compactMap(\.objectValue)
            ?? input.map { item in
                let tuple = JObject()
                tuple["@"] = item
                return tuple
            }
        for tuple in bindings {
            let stepEnv = Environment.from(tuple: tuple, parent: env)
            guard let res = try evaluate(expr, tuple["@"], stepEnv) else { continue }
            var items = [res]
            var resIsTuples = false
            if case .array(let a) = res {
                items = a.items
                resIsTuples = a.tupleStream
            }
            for (bb, item) in items.enumerated() {
                let next = tuple.copy()
                if resIsTuples, let bound = item.objectValue {
                    for (key, value) in bound.pairs { next[key] = value }
                } else {
                    if let focus = expr.focus {
                        next[focus] = item
                        next["@"] = tuple["@"]
                    } else {
                        next["@"] = item
                    }
                    if let index = expr.index { next[index] = .number(Double(bb)) }
                    if let ancestor = expr.ancestor { next[ancestor.label] = tuple["@"] }
                }
                result.items.append(.object(next))
            }
        }
        if let stages = expr.stages { return try evaluateStages(stages, result, env) }
        return result
    }

    private func evaluateTupleSort(_ expr: Node, _ input: [Value?], _ tupleBindings: JArray?, _ env: Environment) throws(JSONataError) -> JArray {
        var result: JArray
        if let tupleBindings {
            result = try evaluateSort(expr, tupleBindings, env)
            result.tupleStream = true
        } else {
            let sorted = try evaluateSort(expr, JArray.sequence(input.compactMap { $0 }), env)
            result = JArray.sequence()
            result.tupleStream = true
            for (position, value) in sorted.items.enumerated() {
                let tuple = JObject()
                tuple["@"] = value
                if let index = expr.index { tuple[index] = .number(Double(position)) }
                result.items.append(.object(tuple))
            }
        }
        if let stages = expr.stages { result = try evaluateStages(stages, result, env) }
        return result
    }
}
