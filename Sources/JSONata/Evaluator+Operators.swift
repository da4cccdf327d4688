/// Binary and unary operators, array and object constructors.
extension Evaluator {
    func evaluateBinary(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        let lhs = try evaluate(expr.lhs!, input, env)
        let op = expr.value
        do {
            let binary = expr.binaryOperator
            switch binary {
            case .and?:
                guard Functions.boolize(lhs) else { return .bool(false) }
                return .bool(Functions.boolize(try evaluate(expr.rhs!, input, env)))
            case .or?:
                if Functions.boolize(lhs) { return .bool(true) }
                return .bool(Functions.boolize(try evaluate(expr.rhs!, input, env)))
            default: break
            }
            let rhs = try evaluate(expr.rhs!, input, env)
            guard let binary else { return nil }
            switch binary {
            case .add, .subtract, .multiply, .divide, .modulo: return try Self.arithmetic(lhs, rhs, binary)
            case .equal: return .bool(lhs != nil && rhs != nil && Functions.deepEqual(lhs!, rhs!))
            case .notEqual: return .bool(lhs != nil && rhs != nil && !Functions.deepEqual(lhs!, rhs!))
            case .less, .lessOrEqual, .greater, .greaterOrEqual: return try Self.compare(lhs, rhs, binary)
            case .concatenate:
                let text = try Functions.string(lhs) + Functions.string(rhs)
                try guardSize(text.utf8.count)
                return .string(text)
            case .range:
                let size = Self.rangeSize(lhs, rhs)
                if size <= 10_000_000 { try guardSize(size * 8) }  // Beyond that, JSONata's own D2014.
                return try Self.range(lhs, rhs)
            case .in: return .bool(Self.includes(lhs, rhs))
            case .and, .or: return nil
            }
        } catch {
            throw error.withContext(position: expr.position, token: op)
        }
    }

    static func arithmetic(_ lhs: Value?, _ rhs: Value?, _ binary: BinaryOperator) throws(JSONataError) -> Value? {
        let op = binary.rawValue
        var l: Double?
        var r: Double?
        if let lhs {
            guard case .number(let n) = lhs, try isNumeric(n) else { throw JSONataError.make("T2001", token: op, value: lhs) }
            l = n
        }
        if let rhs {
            guard case .number(let n) = rhs, try isNumeric(n) else { throw JSONataError.make("T2002", token: op, value: rhs) }
            r = n
        }
        guard let l, let r else { return nil }
        switch binary {
        case .add: return .number(l + r)
        case .subtract: return .number(l - r)
        case .multiply: return .number(l * r)
        case .divide: return .number(l / r)
        default: return .number(l.truncatingRemainder(dividingBy: r))
        }
    }

    static func compare(_ lhs: Value?, _ rhs: Value?, _ binary: BinaryOperator) throws(JSONataError) -> Value? {
        let op = binary.rawValue
        func comparable(_ v: Value?) -> Bool {
            switch v {
            case nil, .string?, .number?: true
            default: false
            }
        }
        guard comparable(lhs), comparable(rhs) else {
            let culprit = comparable(lhs) && lhs != nil ? rhs : lhs
            throw JSONataError.make("T2010", token: op, value: culprit)
        }
        guard let lhs, let rhs else { return nil }
        let order: Int
        switch (lhs, rhs) {
        case (.number(let a), .number(let b)):
            if a.isNaN || b.isNaN { return .bool(false) }
            order = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)):
            order = Functions.compareStrings(a, b)
        default:
            throw JSONataError.make("T2009", token: op, value: lhs, value2: rhs)
        }
        switch binary {
        case .less: return .bool(order < 0)
        case .lessOrEqual: return .bool(order <= 0)
        case .greater: return .bool(order > 0)
        default: return .bool(order >= 0)
        }
    }

    /// How many numbers `lhs..rhs` would hold (0 when it holds none or is an error).
    static func rangeSize(_ lhs: Value?, _ rhs: Value?) -> Int {
        guard case .number(let l)? = lhs, case .number(let r)? = rhs, l.isFinite, r.isFinite, l <= r, r - l < 1e9 else { return 0 }
        return Int(r - l) + 1
    }

    static func range(_ lhs: Value?, _ rhs: Value?) throws(JSONataError) -> Value? {
        func integer(_ v: Value?) -> Double? {
            if case .number(let n)? = v, n.isFinite, n.rounded() == n { return n }
            return nil
        }
        if lhs != nil, integer(lhs) == nil { throw JSONataError.make("T2003", value: lhs) }
        if rhs != nil, integer(rhs) == nil { throw JSONataError.make("T2004", value: rhs) }
        guard let l = integer(lhs), let r = integer(rhs), l <= r else { return nil }
        let size = r - l + 1
        if size > 1e7 { throw JSONataError.make("D2014", value: .number(size)) }
        var items: [Value] = []
        items.reserveCapacity(Int(size))
        var value = l
        while value <= r {
            items.append(.number(value))
            value += 1
        }
        return .array(JArray.sequence(items))
    }

    static func includes(_ lhs: Value?, _ rhs: Value?) -> Bool {
        guard let lhs, let rhs else { return false }
        if case .array(let a) = rhs { return a.items.contains { Functions.strictEqual($0, lhs) } }
        return Functions.strictEqual(rhs, lhs)
    }

    func evaluateUnary(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        switch expr.value {
        case "-":
            guard let value = try evaluate(expr.expression!, input, env) else { return nil }
            if case .number(let n) = value, try Self.isNumeric(n) { return .number(-n) }
            throw JSONataError.make("D1002", position: expr.position, token: "-", value: value)
        case "[":
            var result = JArray()
            for item in expr.expressions {
                guard let value = try evaluate(item, input, env) else { continue }
                if item.type == .unary, item.value == "[" {
                    result.items.append(value)
                } else {
                    result = Functions.append(.array(result), value)?.arrayValue ?? result
                }
            }
            if expr.consarray { result.cons = true }
            return .array(result)
        case "{":
            return .object(try evaluateGroup(expr.pairs, position: expr.position, input, env))
        default:
            return nil
        }
    }
}
