/// An execution's history so far and the streams that follow it live (``Execution/events``).
struct HistoryFeed {
    private(set) var events: [HistoryEvent]
    private var subscribers: [Int: AsyncStream<HistoryEvent>.Continuation] = [:]
    private var nextSubscriber = 0

    /// `events`: the history rebuilt by a replay, when the execution resumes.
    init(_ events: [HistoryEvent]) { self.events = events }

    /// Appends a step's events and hands them to every subscriber.
    mutating func publish(_ new: [HistoryEvent]) {
        guard !new.isEmpty else { return }
        events.append(contentsOf: new)
        for subscriber in subscribers.values {
            for event in new { subscriber.yield(event) }
        }
    }

    /// Replays the history so far into `continuation`; unless the execution `ended` (then the stream finishes),
    /// keeps it for the events to come and answers its id for ``unsubscribe(_:)``.
    mutating func subscribe(_ continuation: AsyncStream<HistoryEvent>.Continuation, ended: Bool) -> Int? {
        for event in events { continuation.yield(event) }
        guard !ended else {
            continuation.finish()
            return nil
        }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        return id
    }

    mutating func unsubscribe(_ id: Int) { subscribers[id] = nil }

    /// Finishes every stream: the execution ended.
    mutating func finish() {
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
    }
}
