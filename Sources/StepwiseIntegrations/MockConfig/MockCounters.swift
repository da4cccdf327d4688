import Synchronization

/// How many times each mocked state was invoked, per execution: Step Functions Local keeps one counter per
/// state per execution and advances it on every invocation — retries, loop passes and Map iterations alike.
final class MockCounters: Sendable {
    private struct Key: Hashable {
        let execution: String
        let state: String
    }

    private let counts = Mutex<[Key: Int]>([:])

    /// The number of this invocation (0 for the first) of `state` in `execution`.
    func next(execution: String, state: String) -> Int {
        counts.withLock { counts in
            let key = Key(execution: execution, state: state)
            let number = counts[key, default: 0]
            counts[key] = number + 1
            return number
        }
    }
}
