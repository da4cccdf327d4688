/// Array and object functions: `$append`, `$reverse`, `$sort`, `$distinct`, `$zip`, `$keys`, `$spread`, `$merge`, …
extension Builtins {
    static let collectionFunctions: [NativeFunction] = [
        NativeFunction("boolean", "<x-:b>") { _, args in Functions.boolean(args.at(0)).map(Value.bool) },
        NativeFunction("not", "<x-:b>") { _, args in Functions.boolean(args.at(0)).map { .bool(!$0) } },
        NativeFunction("exists", "<x:b>") { _, args in .bool(args.at(0) != nil) },
        NativeFunction("append", "<xx:a>") { _, args in Functions.append(args.at(0), args.at(1)) },
        NativeFunction("reverse", "<a:a>") { _, args in
            guard let a = args.array(0) else { return nil }
            if a.items.count <= 1 { return .array(a) }
            return .array(JArray(a.items.reversed()))
        },
        NativeFunction("shuffle", "<a:a>") { _, args in
            guard let a = args.array(0) else { return nil }
            if a.items.count <= 1 { return .array(a) }
            return .array(JArray(a.items.shuffled()))
        },
        NativeFunction("distinct", "<x:x>") { context, args throws(JSONataError) in
            guard let value = args.at(0) else { return nil }
            guard case .array(let a) = value, a.items.count > 1 else { return value }
            // jsonata-js compares each item with every kept one (quadratic); hashing finds the same duplicates.
            var seen = Set<DeepEqualKey>()
            var result: [Value] = []
            for item in a.items {
                try context.evaluator.guardTime()
                if seen.insert(DeepEqualKey(item)).inserted { result.append(item) }
            }
            return .array(JArray.sequence(result))
        },
        NativeFunction("zip", "<a+>") { _, args in
            let arrays = args.map { $0?.arrayValue?.items ?? [] }
            let length = arrays.map(\.count).min() ?? 0
            return .array(JArray((0..<length).map { i in .array(JArray(arrays.map { $0[i] })) }))
        },
        NativeFunction("keys", "<x-:a<s>>") { _, args in .array(JArray.sequence(keys(args.at(0)).map(Value.string))) },
        NativeFunction("lookup", "<x-s:x>") { _, args in
            guard let key = args.string(1) else { return nil }
            return Evaluator.lookup(args.at(0), key)
        },
        NativeFunction("spread", "<x-:a<o>>") { _, args in spread(args.at(0)) },
        NativeFunction("merge", "<a<o>:o>") { _, args in
            guard let a = args.array(0) else { return nil }
            let result = JObject()
            for case .object(let o) in a.items {
                for (key, value) in o.pairs { result[key] = value }
            }
            return .object(result)
        },
        NativeFunction("type", "<x:s>") { _, args in
            guard let value = args.at(0) else { return nil }
            switch value {
            case .null: return .string("null")
            case .bool: return .string("boolean")
            case .number: return .string("number")
            case .string: return .string("string")
            case .array: return .string("array")
            case .object: return .string("object")
            case .function: return .string("function")
            }
        },
        NativeFunction("clone", "<(oa)-:o>") { _, args in args.at(0).map(Functions.deepClone) },
    ]

    static func keys(_ value: Value?) -> [String] {
        switch value {
        case .array(let a)?:
            var seen = Set<String>()
            var result: [String] = []
            for item in a.items {
                for key in keys(item) where seen.insert(key).inserted { result.append(key) }
            }
            return result
        case .object(let o)?: return o.keys
        default: return []
        }
    }

    static func spread(_ value: Value?) -> Value? {
        switch value {
        case .array(let a)?:
            // One array grown in place: appending to a copy per item would be quadratic.
            var items: [Value] = []
            for item in a.items {
                switch spread(item) {
                case .array(let inner)?: items += inner.items
                case let single?: items.append(single)
                case nil: break
                }
            }
            return .array(items.isEmpty ? JArray.sequence() : JArray(items))
        case .object(let o)?:
            return .array(
                JArray.sequence(
                    o.pairs.map { key, value in
                        let single = JObject()
                        single[key] = value
                        return .object(single)
                    }))
        default:
            return value
        }
    }
}
