import Synchronization

/// A small map that keeps the `capacity` entries used last: the console's laid-out graphs, rendered pictures and
/// history traces, so polling a page costs a lookup instead of a layout or a full history read.
final class LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var values: [Key: Value] = [:]
        /// Keys, least recently used first.
        var order: [Key] = []
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    subscript(key: Key) -> Value? {
        get {
            state.withLock { state in
                guard let value = state.values[key] else { return nil }
                state.order.removeAll { $0 == key }
                state.order.append(key)
                return value
            }
        }
        set {
            state.withLock { state in
                state.order.removeAll { $0 == key }
                guard let newValue else {
                    state.values[key] = nil
                    return
                }
                state.values[key] = newValue
                state.order.append(key)
                while state.order.count > capacity { state.values[state.order.removeFirst()] = nil }
            }
        }
    }
}
