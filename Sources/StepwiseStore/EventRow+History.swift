import JSON
import Stepwise

extension EventRow {
    /// The keys every event has; the rest of the event object is its details.
    static let headerKeys: Set<String> = ["timestamp", "type", "id", "previousEventId"]

    /// The row for an engine event, with details in GetExecutionHistory's shape (`HistoryEvent.json()`).
    public init(_ event: HistoryEvent) {
        var details = JSONObject()
        if case .object(let object) = event.json() {
            for (key, value) in object where !Self.headerKeys.contains(key) { details[key] = value }
        }
        self.init(id: event.id, type: event.type.rawValue, timestamp: event.timestamp.timeIntervalSince1970,
                  previousEventId: event.previousEventId,
                  details: details.isEmpty ? nil : JSON.object(details).serialized())
    }

    /// The event in GetExecutionHistory's shape: `{timestamp, type, id, previousEventId, <x>EventDetails}`.
    public func json() -> JSON {
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
