/// One stored history event, independent of the engine's `HistoryEvent` (the engine converts).
public struct EventRow: Sendable, Equatable {
    public var id: Int
    /// The event type's name, e.g. `TaskStateEntered`.
    public var type: String
    /// Epoch seconds.
    public var timestamp: Double
    public var previousEventId: Int
    /// JSON text of an object holding the event's details member, e.g. `{"stateEnteredEventDetails":{…}}`;
    /// nil when the event has none. Merged into the event object by ``json()``.
    public var details: String?

    public init(id: Int, type: String, timestamp: Double, previousEventId: Int, details: String? = nil) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.previousEventId = previousEventId
        self.details = details
    }
}

/// One entry of an execution's replay log: the interpreter's step input, as JSON text, with its time.
public struct StepRow: Sendable, Equatable {
    /// 1, 2, 3, … without gaps.
    public var seq: Int
    /// Epoch seconds: the `now` the step ran with.
    public var timestamp: Double
    /// The step input as JSON text (the engine defines the encoding of `StepInput`).
    public var input: String

    public init(seq: Int, timestamp: Double, input: String) {
        self.seq = seq
        self.timestamp = timestamp
        self.input = input
    }
}

/// One page of a listing, with the token for the next page (nil on the last page).
public struct Page<Element: Sendable>: Sendable {
    public var items: [Element]
    public var nextToken: String?

    public init(items: [Element], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}
