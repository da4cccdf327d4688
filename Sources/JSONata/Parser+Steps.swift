/// Post-parse handling of path steps: `.` chains, predicates `[...]`, focus `@$v` and position `#$i` bindings.
extension Parser {
    mutating func processDot(_ expr: Node) throws(JSONataError) -> Node {
        let lstep = try process(expr.lhs!)
        let result: Node
        if lstep.type == .path {
            result = lstep
        } else {
            result = Node(.path, position: lstep.position)
            result.steps = [lstep]
        }
        if lstep.type == .parent { result.seekingParent = [lstep.slot!] }
        let rest = try process(expr.rhs!)
        if rest.type == .path {
            result.steps.append(contentsOf: rest.steps)
        } else {
            if rest.predicate != nil {
                rest.stages = rest.predicate
                rest.predicate = nil
            }
            result.steps.append(rest)
        }
        for step in result.steps {
            if step.type == .number || step.type == .value {
                throw JSONataError.make("S0213", position: step.position, value: Self.literalValue(step.literal))
            }
            if step.type == .string { step.type = .name }
        }
        if result.steps.contains(where: { $0.keepArray }) { result.keepSingletonArray = true }
        let first = result.steps[0]
        if first.type == .unary, first.value == "[" { first.consarray = true }
        let last = result.steps[result.steps.count - 1]
        if last.type == .unary, last.value == "[" { last.consarray = true }
        try resolveAncestry(result)
        return result
    }

    static func literalValue(_ literal: LiteralValue) -> Value {
        switch literal {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        }
    }

    mutating func processPredicate(_ expr: Node) throws(JSONataError) -> Node {
        let result = try process(expr.lhs!)
        var step = result
        var useStages = false
        if result.type == .path {
            step = result.steps[result.steps.count - 1]
            useStages = true
        }
        if step.group != nil { throw JSONataError.make("S0209", position: expr.position) }
        let predicate = try process(expr.rhs!)
        if let seeking = predicate.seekingParent {
            for slot in seeking {
                if slot.level == 1 {
                    _ = try seekParent(step, slot)
                } else {
                    slot.level -= 1
                }
            }
            pushAncestry(step, predicate)
        }
        let stage = Stage.filter(predicate, position: expr.position)
        if useStages {
            step.stages = (step.stages ?? []) + [stage]
        } else {
            step.predicate = (step.predicate ?? []) + [stage]
        }
        return result
    }

    mutating func processFocus(_ expr: Node) throws(JSONataError) -> Node {
        let result = try process(expr.lhs!)
        var step = result
        if result.type == .path { step = result.steps[result.steps.count - 1] }
        if step.stages != nil || step.predicate != nil { throw JSONataError.make("S0215", position: expr.position) }
        if step.type == .sort { throw JSONataError.make("S0216", position: expr.position) }
        if expr.keepArray { step.keepArray = true }
        step.focus = expr.rhs!.value
        step.tuple = true
        return result
    }

    mutating func processIndex(_ expr: Node) throws(JSONataError) -> Node {
        var result = try process(expr.lhs!)
        var step = result
        if result.type == .path {
            step = result.steps[result.steps.count - 1]
        } else {
            let path = Node(.path, position: result.position)
            path.steps = [result]
            result = path
            if step.predicate != nil {
                step.stages = step.predicate
                step.predicate = nil
            }
        }
        if step.stages == nil {
            step.index = expr.rhs!.value
        } else {
            step.stages!.append(.index(expr.rhs!.value, position: expr.position))
        }
        step.tuple = true
        return result
    }
}
