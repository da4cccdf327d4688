/// A JSON object that keeps its keys in insertion order.
///
/// Keys and values live in two parallel arrays: most ASL objects are small, and a linear scan over a
/// contiguous key array beats hashing. Objects past `indexThreshold` keys also carry a key → position
/// dictionary so large documents stay O(1) per lookup.
public struct JSONObject: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [JSON]
    private var index: [String: Int]?

    static let indexThreshold = 16

    public init() {
        keys = []
        values = []
    }

    /// Builds an object from pairs; a repeated key keeps its first position and its last value
    /// (as Jackson and JavaScript do).
    public init(_ pairs: some Sequence<(String, JSON)>) {
        self.init()
        for (key, value) in pairs { self[key] = value }
    }

    /// Builds an object from keys known to be distinct (the parser and compiled templates guarantee it): no
    /// lookups. Passing a repeated key is a programming error; the object would then hold both.
    package init(uniqueKeys keys: [String], values: [JSON]) {
        self.keys = keys
        self.values = values
        if keys.count > Self.indexThreshold { rebuildIndex() }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    package func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    public subscript(key: String) -> JSON? {
        get { position(of: key).map { values[$0] } }
        set {
            if let position = position(of: key) {
                if let newValue { values[position] = newValue } else { remove(at: position) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil { index![key] = keys.count - 1 } else if keys.count > Self.indexThreshold { rebuildIndex() }
            }
        }
    }

    public mutating func removeValue(forKey key: String) -> JSON? {
        guard let position = position(of: key) else { return nil }
        let value = values[position]
        remove(at: position)
        return value
    }

    private mutating func remove(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        if index != nil { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        var map = [String: Int](minimumCapacity: keys.count)
        for (position, key) in keys.enumerated() { map[key] = position }
        index = map
    }
}

extension JSONObject: Sequence {
    public struct Iterator: IteratorProtocol {
        let object: JSONObject
        var position = 0
        public mutating func next() -> (key: String, value: JSON)? {
            guard position < object.keys.count else { return nil }
            defer { position += 1 }
            return (object.keys[position], object.values[position])
        }
    }

    public func makeIterator() -> Iterator { Iterator(object: self) }
    public var underestimatedCount: Int { keys.count }
}

extension JSONObject: Hashable {
    /// Objects are equal when they have the same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (position, key) in lhs.keys.enumerated() {
            guard let other = rhs[key], other == lhs.values[position] else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine the pairs' own hashes commutatively.
        var sum = 0
        for (position, key) in keys.enumerated() {
            var pair = Hasher()
            pair.combine(key)
            pair.combine(values[position])
            sum = sum &+ pair.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSON)...) { self.init(elements) }
}
