import JSON

/// A JSONata value during evaluation: JSON plus functions; `nil` (`Value?`) is JSONata's `undefined`.
///
/// Arrays and objects are reference types, as in JavaScript: the transform operator updates the objects a
/// pattern selects inside a cloned document, and path evaluation marks sequences with flags in place.
enum Value {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array(JArray)
    case object(JObject)
    case function(JFunction)
}

/// A JSONata array: a JSON array, or a sequence with the flags jsonata-js keeps on its arrays.
final class JArray {
    var items: [Value] { didSet { cachedNesting = -1 } }
    /// ``nesting(limit:)`` once known; -1 until then or after a change.
    fileprivate var cachedNesting = -1
    /// A result sequence (collapses to its single item, vanishes when empty).
    var isSequence = false
    /// `[]` on a step: a singleton sequence stays an array.
    var keepSingleton = false
    /// Built by an array constructor `[...]`: never flattened into the enclosing sequence.
    var cons = false
    /// The input array wrapped as a single context item.
    var outerWrapper = false
    /// Items are tuples (objects of variable bindings, `@` being the context).
    var tupleStream = false

    init(_ items: [Value] = [], sequence: Bool = false) {
        self.items = items
        self.isSequence = sequence
    }

    static func sequence(_ items: [Value] = []) -> JArray { JArray(items, sequence: true) }
}

/// A JSONata object: insertion-ordered keys, like a JavaScript object with string keys.
final class JObject {
    private(set) var keys: [String] = []
    private var storage: [String: Value] = [:]
    /// ``nesting(limit:)`` once known; -1 until then or after a change.
    fileprivate var cachedNesting = -1

    init() {}

    init(minimumCapacity: Int) {
        keys.reserveCapacity(minimumCapacity)
        storage.reserveCapacity(minimumCapacity)
    }

    init(keys: [String], storage: [String: Value]) {
        self.keys = keys
        self.storage = storage
    }

    var count: Int { keys.count }

    subscript(key: String) -> Value? {
        get { storage[key] }
        set {
            cachedNesting = -1
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { insertKey(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// JavaScript property order: array-index keys ("0", "17") first in numeric order, then the rest as inserted.
    private func insertKey(_ key: String) {
        guard let index = Self.arrayIndex(key) else { return keys.append(key) }
        var position = 0
        while position < keys.count, let other = Self.arrayIndex(keys[position]), other < index { position += 1 }
        keys.insert(key, at: position)
    }

    /// The value of a canonical array-index key (no sign, no leading zeros, below 2³² − 1).
    static func arrayIndex(_ key: String) -> UInt32? {
        guard let first = key.utf8.first, first >= 48, first <= 57, key.utf8.count <= 10 else { return nil }
        if first == 48 && key.utf8.count > 1 { return nil }
        guard let value = UInt32(key), value < UInt32.max else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { storage[key] != nil }

    /// Key/value pairs in order.
    var pairs: [(String, Value)] { keys.map { ($0, storage[$0]!) } }

    func copy() -> JObject { JObject(keys: keys, storage: storage) }
}

extension Value {
    var isArray: Bool { if case .array = self { true } else { false } }
    var arrayValue: JArray? { if case .array(let a) = self { a } else { nil } }
    var objectValue: JObject? { if case .object(let o) = self { o } else { nil } }
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
    var functionValue: JFunction? { if case .function(let f) = self { f } else { nil } }
    var isFunction: Bool { functionValue != nil }

    /// A sequence array (`createSequence` in jsonata-js).
    var isSequence: Bool { arrayValue?.isSequence ?? false }

    static func seq(_ items: [Value]) -> Value { .array(JArray.sequence(items)) }
}

// MARK: - Nesting

extension Value {
    /// How deep arrays and objects may nest in a value that evaluation builds: JSON's own limit
    /// (docs/differences.md). Deeper values fail with ``nestingLimitCode`` as they are built, so no walk over a
    /// value (equality, `$string`, the result's JSON, its release) recurses deeper than this.
    static let maxNesting = 512

    /// How many arrays and objects nest here (0 for a scalar); any answer above `limit` means "too deep" (the
    /// count stops there, so the walk never recurses more than `limit` levels). Known answers are cached in the
    /// arrays and objects, so a value built from measured parts costs only its own items.
    func nesting(limit: Int = Value.maxNesting) -> Int {
        switch self {
        case .array(let a):
            if a.cachedNesting >= 0 { return a.cachedNesting }
            return Self.measure(a.items, limit: limit) { a.cachedNesting = $0 }
        case .object(let o):
            if o.cachedNesting >= 0 { return o.cachedNesting }
            return Self.measure(o.pairs.lazy.map(\.1), limit: limit) { o.cachedNesting = $0 }
        default: return 0
        }
    }

    private static func measure(_ items: some Sequence<Value>, limit: Int, cache: (Int) -> Void) -> Int {
        guard limit > 0 else { return 1 }
        var deepest = 0
        for item in items {
            deepest = max(deepest, item.nesting(limit: limit - 1))
            if deepest >= limit { return limit + 1 }
        }
        cache(deepest + 1)
        return deepest + 1
    }
}

// MARK: - JSON conversion

extension Value {
    init(_ json: JSON) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.doubleValue)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(JArray(items.map(Value.init)))
        case .object(let object):
            var storage = [String: Value](minimumCapacity: object.count)
            for (key, value) in object { storage[key] = Value(value) }
            var keys = object.keys
            if keys.contains(where: { JObject.arrayIndex($0) != nil }) {
                let indexed = keys.filter { JObject.arrayIndex($0) != nil }.sorted { JObject.arrayIndex($0)! < JObject.arrayIndex($1)! }
                keys = indexed + keys.filter { JObject.arrayIndex($0) == nil }
            }
            self = .object(JObject(keys: keys, storage: storage))
        }
    }

    /// The JSON of a result. Functions become `""` (as `$string` renders them); non-finite numbers fail with D1001.
    func toJSON() throws(JSONataError) -> JSON {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n):
            guard n.isFinite else { throw JSONataError.make("D1001", value: self) }
            return JSON.normalized(n)
        case .string(let s): return .string(s)
        case .array(let a):
            var out: [JSON] = []
            out.reserveCapacity(a.items.count)
            for item in a.items { out.append(try item.toJSON()) }
            return .array(out)
        case .object(let o):
            // A JObject's keys are distinct, so the JSON object is built without looking them up.
            let keys = o.keys
            var values: [JSON] = []
            values.reserveCapacity(keys.count)
            for key in keys { values.append(try o[key]!.toJSON()) }
            return .object(JSONObject(uniqueKeys: keys, values: values))
        case .function: return .string("")
        }
    }
}
