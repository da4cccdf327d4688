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
    package var details: String? { didSet { detailsWritten = false } }
    /// Whether ``details`` is the JSON writer's own compact text of an object (decoded from an engine event), so
    /// ``appendJSON(to:)`` copies its members instead of parsing it; text given by a caller or read from an earlier
    /// build's row is parsed, as ``json()`` does. Not part of the row's value (`==` ignores it).
    private(set) var detailsWritten = false

    package init(id: Int, type: String, timestamp: Double, previousEventId: Int, details: String? = nil) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.previousEventId = previousEventId
        self.details = details
    }

    /// A row whose details are the JSON writer's compact text of an object (see ``detailsWritten``).
    init(id: Int, type: String, timestamp: Double, previousEventId: Int, writtenDetails: String?) {
        self.init(id: id, type: type, timestamp: timestamp, previousEventId: previousEventId, details: writtenDetails)
        detailsWritten = true
    }

    package static func == (left: EventRow, right: EventRow) -> Bool {
        left.id == right.id && left.type == right.type && left.timestamp == right.timestamp
            && left.previousEventId == right.previousEventId && left.details == right.details
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
