/// Higher-order functions: `$map`, `$filter`, `$single`, `$reduce`, `$sift`, `$each`, `$sort`.
extension Builtins {
    static let higherOrderFunctions: [NativeFunction] = [
        NativeFunction("map", "<af>") { context, args throws(JSONataError) in
            guard let a = args.array(0), let f = args.function(1) else { return nil }
            let result = JArray.sequence()
            for (i, item) in a.items.enumerated() {
                if let res = try context.evaluator.callHOF(f, item, .number(Double(i)), .array(a), context.environment) {
                    result.items.append(res)
                }
            }
            return .array(result)
        },
        NativeFunction("filter", "<af>") { context, args throws(JSONataError) in
            guard let a = args.array(0), let f = args.function(1) else { return nil }
            let result = JArray.sequence()
            for (i, item) in a.items.enumerated() {
                let res = try context.evaluator.callHOF(f, item, .number(Double(i)), .array(a), context.environment)
                if Functions.boolean(res) == true { result.items.append(item) }
            }
            return .array(result)
        },
        NativeFunction("single", "<af?>") { context, args throws(JSONataError) in
            guard let a = args.array(0) else { return nil }
            var found: Value?
            for (i, item) in a.items.enumerated() {
                var matches = true
                if let f = args.function(1) {
                    let res = try context.evaluator.callHOF(f, item, .number(Double(i)), .array(a), context.environment)
                    matches = Functions.boolean(res) == true
                }
                guard matches else { continue }
                if found != nil { throw JSONataError.make("D3138") }
                found = item
            }
            guard let found else { throw JSONataError.make("D3139") }
            return found
        },
        NativeFunction("reduce", "<afj?:j>") { context, args throws(JSONataError) in
            guard let a = args.array(0), let f = args.function(1) else { return nil }
            let arity = f.arity
            if arity < 2 { throw JSONataError.make("D3050", index: 1) }
            var index = 0
            var result = args.at(2)
            if result == nil, !a.items.isEmpty {
                result = a.items[0]
                index = 1
            }
            while index < a.items.count {
                var callArgs: [Value?] = [result, a.items[index]]
                if arity >= 3 { callArgs.append(.number(Double(index))) }
                if arity >= 4 { callArgs.append(.array(a)) }
                result = try context.evaluator.apply(.function(f), callArgs, nil, context.environment)
                index += 1
            }
            return result
        },
        NativeFunction("sift", "<o-f?:o>") { context, args throws(JSONataError) in
            guard let o = args.at(0)?.objectValue, let f = args.function(1) else { return nil }
            let result = JObject()
            for (key, value) in o.pairs {
                let res = try context.evaluator.callHOF(f, value, .string(key), .object(o), context.environment)
                if Functions.boolean(res) == true { result[key] = value }
            }
            return result.count == 0 ? nil : .object(result)
        },
        NativeFunction("each", "<o-f:a>") { context, args throws(JSONataError) in
            guard let o = args.at(0)?.objectValue, let f = args.function(1) else { return nil }
            let result = JArray.sequence()
            for (key, value) in o.pairs {
                if let res = try context.evaluator.callHOF(f, value, .string(key), .object(o), context.environment) {
                    result.items.append(res)
                }
            }
            return .array(result)
        },
        NativeFunction("sort", "<af?:a>") { context, args throws(JSONataError) in
            guard let a = args.array(0) else { return nil }
            if a.items.count <= 1 { return .array(a) }
            if let f = args.function(1) {
                let sorted = try context.evaluator.mergeSort(a.items) { x, y throws(JSONataError) in
                    jsTruthy(try context.evaluator.apply(.function(f), [x, y], nil, context.environment))
                }
                return .array(JArray(sorted))
            }
            if a.items.allSatisfy({ $0.numberValue != nil }) {
                return .array(JArray(try context.evaluator.mergeSort(a.items) { x, y in x.numberValue! > y.numberValue! }))
            }
            if a.items.allSatisfy({ $0.stringValue != nil }) {
                return .array(
                    JArray(try context.evaluator.mergeSort(a.items) { x, y in Functions.compareStrings(x.stringValue!, y.stringValue!) > 0 }))
            }
            throw JSONataError.make("D3070", index: 1)
        },
    ]

    /// JavaScript truthiness (what the comparator result of `$sort` is tested with).
    static func jsTruthy(_ value: Value?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let b)?: return b
        case .number(let n)?: return n != 0 && !n.isNaN
        case .string(let s)?: return !s.isEmpty
        default: return true
        }
    }
}
