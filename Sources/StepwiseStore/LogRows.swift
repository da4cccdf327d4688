/// One stored history event, independent of the engine's `HistoryEvent` (the engine converts).
package struct EventRow: Sendable, Equatable {
    package var id: Int
    /// The event type's name, e.g. `TaskStateEntered`.
    package var type: String
    /// Epoch seconds.
    package var timestamp: Double
    package var previousEventId: Int
    /// JSON text of an object holding the event's details member, e.g. `{"stateEnteredEventDetails":{…}}`;
    /// nil when the event has none. Merged into the event object by ``json()``.
    package var details: String?

    package init(id: Int, type: String, timestamp: Double, previousEventId: Int, details: String? = nil) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.previousEventId = previousEventId
        self.details = details
    }
}

/// One entry of an execution's replay log: the interpreter's step input, as JSON text, with its time.
package struct StepRow: Sendable, Equatable {
    /// 1, 2, 3, … without gaps.
    package var seq: Int
    /// Epoch seconds: the `now` the step ran with.
    package var timestamp: Double
    /// The step input as JSON text (the engine defines the encoding of `StepInput`).
    package var input: String

    package init(seq: Int, timestamp: Double, input: String) {
        self.seq = seq
        self.timestamp = timestamp
        self.input = input
    }
}

/// One page of a listing, with the token for the next page (nil on the last page).
package struct Page<Element: Sendable>: Sendable {
    package var items: [Element]
    package var nextToken: String?

    package init(items: [Element], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}
