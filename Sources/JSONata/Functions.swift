/// Helpers shared by the operators and the built-ins (jsonata-js `functions.js` and `utils.js`).
enum Functions {
    /// `$boolean`: the effective boolean value; nil for undefined.
    static func boolean(_ value: Value?) -> Bool? {
        guard let value else { return nil }
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .function: return false
        case .object(let o): return o.count > 0
        case .array(let a):
            if a.items.count == 1 { return boolean(a.items[0]) ?? false }
            return a.items.contains { boolean($0) == true }
        }
    }

    /// Effective boolean value with undefined as false.
    static func boolize(_ value: Value?) -> Bool { boolean(value) ?? false }

    /// `isDeepEqual`: structural equality of JSON values; functions by identity.
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.function(let x), .function(let y)): return x === y
        case (.array(let x), .array(let y)):
            guard x.items.count == y.items.count else { return false }
            return zip(x.items, y.items).allSatisfy { deepEqual($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.pairs {
                guard let other = y[key], deepEqual(value, other) else { return false }
            }
            return true
        default: return false
        }
    }

    /// JavaScript `===`: values for primitives, identity for arrays, objects and functions.
    static func strictEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.function(let x), .function(let y)): return x === y
        case (.array, _), (.object, _), (.function, _): return false
        default: return deepEqual(a, b)
        }
    }

    /// JavaScript string ordering: by UTF-16 code units.
    static func compareStrings(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        return a.utf16.lexicographicallyPrecedes(b.utf16) ? -1 : 1
    }

    /// `$string` of a value (undefined as the empty string, for `&`).
    static func string(_ value: Value?, pretty: Bool = false) throws(JSONataError) -> String {
        guard let value else { return "" }
        switch value {
        case .string(let s): return s
        case .function: return ""
        case .number(let n) where !n.isFinite: throw JSONataError.make("D3001", value: value)
        default:
            try checkFinite(value)
            return Renderer.stringify(value, pretty: pretty)
        }
    }

    /// JSON.stringify's replacer in jsonata-js tests every nested number with `isNumeric`, which rejects infinities.
    private static func checkFinite(_ value: Value) throws(JSONataError) {
        switch value {
        case .number(let n) where !n.isNaN && !n.isFinite: throw JSONataError.make("D1001", value: value)
        case .array(let a): for item in a.items { try checkFinite(item) }
        case .object(let o): for (_, item) in o.pairs { try checkFinite(item) }
        default: break
        }
    }

    /// `fn.append`: concatenates, treating single values as one-item arrays; the result is a plain array.
    static func append(_ a: Value?, _ b: Value?) -> Value? {
        guard let a else { return b }
        guard let b else { return a }
        var items = a.arrayValue?.items ?? [a]
        if case .array(let tail) = b { items.append(contentsOf: tail.items) } else { items.append(b) }
        return .array(JArray(items))
    }

    /// A deep copy of the JSON parts of a value (what `$clone` does through JSON text).
    static func deepClone(_ value: Value) -> Value {
        switch value {
        case .array(let a): return .array(JArray(a.items.map(deepClone)))
        case .object(let o):
            let copy = JObject()
            for (key, item) in o.pairs { copy[key] = deepClone(item) }
            return .object(copy)
        case .function: return .string("")
        case .number(let n): return .number(NumberText.precision15(n))
        default: return value
        }
    }

    /// The code points of a string (JavaScript's `Array.from(str)`).
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func fromScalars(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    static func isArrayOf(_ value: Value, _ test: (Value) -> Bool) -> Bool {
        guard case .array(let a) = value else { return false }
        return a.items.allSatisfy(test)
    }

    /// A double as an `Int` without trapping: NaN is 0, out-of-range values saturate at ±2⁵³.
    static func clampedInt(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        return Int(Swift.max(Swift.min(d, 9.007_199_254_740_992e15), -9.007_199_254_740_992e15))
    }
}
