/// A value as a set element that is equal to another exactly when `Functions.deepEqual` says so: objects
/// whatever their key order, numbers by value (0 and -0 alike), functions by identity.
struct DeepEqualKey: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: DeepEqualKey, b: DeepEqualKey) -> Bool { Functions.deepEqual(a.value, b.value) }

    func hash(into hasher: inout Hasher) { Self.hash(value, into: &hasher) }

    private static func hash(_ value: Value, into hasher: inout Hasher) {
        switch value {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .function(let f): hasher.combine(ObjectIdentifier(f))
        case .array(let a):
            hasher.combine(a.items.count)
            for item in a.items { hash(item, into: &hasher) }
        case .object(let o):
            // Key order does not matter: each pair is hashed on its own and the results are summed.
            var pairs = 0
            for (key, item) in o.pairs {
                var pair = Hasher()
                pair.combine(key)
                hash(item, into: &pair)
                pairs &+= pair.finalize()
            }
            hasher.combine(o.count)
            hasher.combine(pairs)
        }
    }
}
