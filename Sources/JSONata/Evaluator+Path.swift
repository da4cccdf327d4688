/// Location paths: steps mapped over sequences, flattening, predicates, and tuple streams for `@`, `#` and `%`.
extension Evaluator {
    func evaluatePath(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        if expr.isFieldPath, let result = evaluateFieldPath(expr, input, env) { return result }
        // The items the next step maps over; `undefinedInput` stands for the single undefined item of a path
        // evaluated without input (its first step still runs once, as a variable may not need the input).
        var inputItems: [Value]
        var undefinedInput = false
        if case .array(let a) = input, expr.steps[0].type != .variable {
            inputItems = a.items
        } else if let input {
            inputItems = [input]
        } else {
            inputItems = []
            undefinedInput = true
        }
        var resultSequence: Value?
        var isTupleStream = false
        var tupleBindings: JArray?
        let last = expr.steps.count - 1
        for (ii, step) in expr.steps.enumerated() {
            if step.tuple { isTupleStream = true }
            if ii == 0, step.consarray {
                let inputValue: Value
                if case .array(let a) = input, step.type != .variable { inputValue = .array(a) } else { inputValue = .seq(inputItems) }
                resultSequence = try evaluate(step, inputValue, env)
            } else if isTupleStream {
                let items: [Value?] = undefinedInput ? [nil] : inputItems.map { $0 }
                tupleBindings = try evaluateTupleStep(step, items, tupleBindings, env)
            } else {
                resultSequence = .array(try evaluateStep(step, inputItems, undefinedInput: undefinedInput, env, lastStep: ii == last))
            }
            if !isTupleStream {
                guard let result = resultSequence else { break }
                if case .array(let a) = result, a.items.isEmpty { break }
            }
            if step.focus == nil {
                undefinedInput = false
                if case .array(let a) = resultSequence { inputItems = a.items } else { inputItems = [] }
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

    /// A path of plain field names (``Node/isFieldPath``): the general algorithm's result without its per-step
    /// sequences, while every value on the way is an object or an input array of objects. Nil when the way meets
    /// something else (a nested array, a sequence): the general algorithm then starts again from the beginning,
    /// which is safe because the steps are only lookups.
    func evaluateFieldPath(_ expr: Node, _ input: Value?, _ env: Environment) -> Value?? {
        let steps = expr.steps
        var current: Value?
        let first = steps[0]
        if first.type == .variable {
            current = env.lookup(first.value)
        } else {
            if case .array? = input { return nil }
            current = Self.field(input, first.value)
        }
        for position in steps.indices.dropFirst() {
            switch current {
            case .object(let o)?: current = o[steps[position].value]
            case .array(let a)?: return mapFieldPath(steps, from: position, a)
            default: return .some(.seq([]))
            }
        }
        switch current {
        case nil: return .some(.seq([]))
        case .array(let a)?: return a.isSequence ? nil : .some(current)
        default: return .some(current)
        }
    }

    /// The rest of a field path from `steps[start]` once a step gave the plain array `array`: each step maps
    /// over the items, splicing arrays into the result.
    private func mapFieldPath(_ steps: [Node], from start: Int, _ array: JArray) -> Value?? {
        guard Self.isPlain(array) else { return nil }
        var items = array.items
        let last = steps.count - 1
        for position in start...last {
            let key = steps[position].value
            var next: [Value] = []
            next.reserveCapacity(items.count)
            var only: JArray?
            var results = 0
            for item in items {
                switch item {
                case .object(let o):
                    guard let value = o[key] else { continue }
                    results += 1
                    if case .array(let a) = value {
                        guard Self.isPlain(a) else { return nil }
                        only = a
                        next.append(contentsOf: a.items)
                    } else {
                        next.append(value)
                    }
                case .array: return nil
                default: continue
                }
            }
            // The last step's single array result is the result itself (not a sequence), even when empty.
            if position == last, results == 1, let only, next.count == only.items.count { return .some(.array(only)) }
            if next.isEmpty { return .some(.seq([])) }
            items = next
        }
        return .some(.seq(items))
    }

    /// An array as input documents hold them: no sequence or constructor flags.
    private static func isPlain(_ array: JArray) -> Bool {
        !array.isSequence && !array.cons && !array.keepSingleton && !array.outerWrapper && !array.tupleStream
    }

    /// One step mapped over `input` (or over a single undefined item when `undefinedInput`), its results
    /// flattened into a sequence.
    func evaluateStep(
        _ expr: Node, _ input: [Value], undefinedInput: Bool = false, _ env: Environment, lastStep: Bool
    ) throws(JSONataError) -> JArray {
        if expr.type == .sort {
            var result = try evaluateSort(expr, JArray.sequence(input), env)
            if let stages = expr.stages { result = try evaluateStages(stages, result, env) }
            return result
        }
        // A plain field name (the commonest step) is looked up directly rather than through `evaluate`.
        let plainName = expr.type == .name && expr.predicate == nil && expr.group == nil && !expr.keepArray
        var results: [Value] = []
        results.reserveCapacity(undefinedInput ? 1 : input.count)
        func step(_ item: Value?) throws(JSONataError) {
            var res = plainName ? Self.field(item, expr.value) : try evaluate(expr, item, env)
            if let stages = expr.stages {
                for case .filter(let p, _) in stages { res = .array(try evaluateFilter(p, res, env)) }
            }
            if let res { results.append(res) }
        }
        if undefinedInput {
            try step(nil)
        } else {
            for item in input { try step(item) }
        }
        if lastStep, results.count == 1, case .array(let a) = results[0], !a.isSequence { return a }
        var flattened: [Value] = []
        flattened.reserveCapacity(results.count)
        for res in results {
            if case .array(let a) = res, !a.cons {
                flattened.append(contentsOf: a.items)
            } else {
                flattened.append(res)
            }
        }
        return JArray.sequence(flattened)
    }

    /// What `evaluate` returns for a plain name step (no predicate, group or `[]`): the field of an object,
    /// mapped over arrays, a sequence collapsed to its single item or to undefined when empty.
    static func field(_ item: Value?, _ key: String) -> Value? {
        let found: Value?
        switch item {
        case .object(let o)?: found = o[key]
        case .array?: found = lookup(item, key)
        default: return nil
        }
        guard case .array(let a)? = found, a.isSequence, !a.tupleStream else { return found }
        if a.items.isEmpty { return nil }
        if a.items.count == 1, !a.keepSingleton { return a.items[0] }
        return found
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
