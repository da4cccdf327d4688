/// An item or an `M` value: attribute names to values, kept in the order they were first set.
///
/// Order is only for readable output and stored JSON; equality ignores it, as DynamoDB's maps are unordered.
struct AttributeMap: Sendable, Hashable, Sequence {
    private(set) var keys: [String] = []
    private var values: [String: AttributeValue] = [:]

    init() {}

    init(_ pairs: some Sequence<(String, AttributeValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    subscript(key: String) -> AttributeValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    func makeIterator() -> some IteratorProtocol<(key: String, value: AttributeValue)> {
        keys.lazy.map { (key: $0, value: values[$0]!) }.makeIterator()
    }

    static func == (lhs: AttributeMap, rhs: AttributeMap) -> Bool { lhs.values == rhs.values }

    func hash(into hasher: inout Hasher) { hasher.combine(values) }
}
