import JSON
import Stepwise

extension EventRow {
    /// The row for an engine event, with details in GetExecutionHistory's shape (`HistoryEvent.json()`).
    package init(_ event: HistoryEvent) {
        self.init(
            id: event.id, type: event.type.rawValue, timestamp: event.timestamp.timeIntervalSince1970,
            previousEventId: event.previousEventId, details: event.detailsText)
    }

    /// The event in GetExecutionHistory's shape: `{timestamp, type, id, previousEventId, <x>EventDetails}`.
    package func json() -> JSON {
        var object: JSONObject = [
            "timestamp": .double(timestamp), "type": .string(type), "id": .int(id),
            "previousEventId": .int(previousEventId),
        ]
        if let details, case .object(let members)? = try? JSON(parsing: details) {
            for (key, value) in members { object[key] = value }
        }
        return .object(object)
    }
}

extension HistoryEvent {
    /// The text of ``EventRow/details``: `{"<x>EventDetails": {…}}`, or nil for an event without details.
    var detailsText: String? {
        detailsJSON(includeExecutionData: true).map { members in JSON.object([detailsKey: .object(members)]).serialized() }
    }
}
