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

    /// Appends the event's GetExecutionHistory JSON text: the bytes of `json().serializedBytes()`, written without
    /// parsing the details when they are the writer's own text (events decoded from segments, most of any history).
    package func appendJSON(to bytes: inout [UInt8]) {
        guard detailsWritten || details == nil else { return bytes.append(contentsOf: json().serializedBytes()) }
        bytes.append(contentsOf: #"{"timestamp":"#.utf8)
        bytes.append(contentsOf: (timestamp.isFinite ? timestamp.description : "null").utf8)
        bytes.append(contentsOf: #","type":"#.utf8)
        if type.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: type.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: JSON.string(type).serializedBytes())
        }
        bytes.append(contentsOf: #","id":"#.utf8)
        bytes.append(contentsOf: String(id).utf8)
        bytes.append(contentsOf: #","previousEventId":"#.utf8)
        bytes.append(contentsOf: String(previousEventId).utf8)
        // `{"xEventDetails":{…}}`: its members follow the event's own (an empty object adds none).
        if let details, details.utf8.count > 2 {
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: details.utf8.dropFirst().dropLast())
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// A page of events as GetExecutionHistory's JSON array, `[…]`: the bytes of their `json()` values serialized.
    package static func jsonArray(_ events: some Sequence<EventRow>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, event) in events.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            event.appendJSON(to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}

extension HistoryEvent {
    /// The text of ``EventRow/details``: `{"<x>EventDetails": {…}}`, or nil for an event without details.
    var detailsText: String? {
        detailsJSON(includeExecutionData: true).map { members in JSON.object([detailsKey: .object(members)]).serialized() }
    }
}
