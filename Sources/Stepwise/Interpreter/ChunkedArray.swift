/// An array kept in chunks of 64 elements. The driver keeps a copy of the interpreter during each step of a JSONata
/// machine (to run the step again on a heavy thread if an evaluation needs one, `ExecutionDriver`), so what a step
/// changes must not copy whole arrays: a copy of a `ChunkedArray` shares its chunks, and a change then copies the
/// list of chunks (a pointer each) and the one chunk it touches, not every element of a Map of thousands.
struct ChunkedArray<Element> {
    private var chunks: [[Element]] = []
    private(set) var count = 0

    private static var shift: Int { 6 }
    private static var mask: Int { (1 << shift) - 1 }

    init() {}

    init(repeating element: Element, count: Int) {
        for _ in 0..<count { append(element) }
    }

    mutating func append(_ element: Element) {
        if count & Self.mask == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.mask + 1)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        _read {
            precondition(index >= 0 && index < count, "index out of range")
            yield chunks[index >> Self.shift][index & Self.mask]
        }
        _modify {
            precondition(index >= 0 && index < count, "index out of range")
            yield &chunks[index >> Self.shift][index & Self.mask]
        }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

/// Values by non-negative integer keys (ids handed out in order: timers, slots), in chunks of 64 like
/// ``ChunkedArray``, so a change copies a chunk, not the table. A chunk whose keys are all gone is dropped (an
/// empty array), so ids that only grow — a heartbeat's timer is new each time — cost a pointer per 64 ids, not a
/// slot each. Iterates in key order.
struct IntTable<Value> {
    private var chunks: [[Value?]] = []
    /// How many keys each chunk holds.
    private var live: [Int] = []
    private(set) var count = 0

    private static var shift: Int { 6 }
    private static var mask: Int { (1 << shift) - 1 }

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(key: Int) -> Value? {
        get {
            let chunk = key >> Self.shift
            guard key >= 0, chunk < chunks.count, !chunks[chunk].isEmpty else { return nil }
            return chunks[chunk][key & Self.mask]
        }
        set {
            precondition(key >= 0, "negative key")
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            let chunk = key >> Self.shift
            while chunks.count <= chunk {
                chunks.append([])
                live.append(0)
            }
            if chunks[chunk].isEmpty { chunks[chunk] = Array(repeating: nil, count: Self.mask + 1) }
            if chunks[chunk][key & Self.mask] == nil {
                live[chunk] += 1
                count += 1
            }
            chunks[chunk][key & Self.mask] = newValue
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: Int) -> Value? {
        guard let old = self[key] else { return nil }
        let chunk = key >> Self.shift
        chunks[chunk][key & Self.mask] = nil
        live[chunk] -= 1
        count -= 1
        if live[chunk] == 0 { chunks[chunk] = [] }
        if count == 0 { removeAll() }
        return old
    }

    mutating func removeAll() {
        chunks = []
        live = []
        count = 0
    }

    var keys: [Int] { map { $0.key } }
    var values: [Value] { map { $0.value } }
}

extension IntTable: Sequence {
    struct Iterator: IteratorProtocol {
        fileprivate let chunks: [[Value?]]
        fileprivate var position = 0

        mutating func next() -> (key: Int, value: Value)? {
            while position >> IntTable.shift < chunks.count {
                let chunk = chunks[position >> IntTable.shift]
                guard !chunk.isEmpty else {
                    position = (position | IntTable.mask) + 1
                    continue
                }
                defer { position += 1 }
                if let value = chunk[position & IntTable.mask] { return (position, value) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(chunks: chunks) }
}

extension IntTable: Sendable where Value: Sendable {}
