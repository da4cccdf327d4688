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

/// Values by small non-negative integer keys (ids handed out in order: timers, slots), in a ``ChunkedArray``, so a
/// change copies a chunk, not the table (see ``ChunkedArray``). Iterates in key order.
struct IntTable<Value> {
    private var slots = ChunkedArray<Value?>()
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    subscript(key: Int) -> Value? {
        get { key >= 0 && key < slots.count ? slots[key] : nil }
        set {
            precondition(key >= 0, "negative key")
            guard let newValue else {
                _ = removeValue(forKey: key)
                return
            }
            while slots.count <= key { slots.append(nil) }
            if slots[key] == nil { count += 1 }
            slots[key] = newValue
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: Int) -> Value? {
        guard key >= 0, key < slots.count, let old = slots[key] else { return nil }
        slots[key] = nil
        count -= 1
        if count == 0 { slots = ChunkedArray() }
        return old
    }

    mutating func removeAll() {
        slots = ChunkedArray()
        count = 0
    }

    var keys: [Int] { map { $0.key } }
    var values: [Value] { map { $0.value } }
}

extension IntTable: Sequence {
    struct Iterator: IteratorProtocol {
        fileprivate let slots: ChunkedArray<Value?>
        fileprivate var position = 0

        mutating func next() -> (key: Int, value: Value)? {
            while position < slots.count {
                defer { position += 1 }
                if let value = slots[position] { return (position, value) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(slots: slots) }
}

extension IntTable: Sendable where Value: Sendable {}
