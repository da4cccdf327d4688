import Synchronization

/// A counter that handlers and tests share across tasks: how many times something ran.
package final class Counter: Sendable {
    private let value = Mutex(0)

    package init() {}

    /// Counts one more and answers the new count (1 for the first call).
    package func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }

    /// The count so far.
    package var count: Int { value.withLock { $0 } }
}
