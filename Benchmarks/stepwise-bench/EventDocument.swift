import JSON

/// A deterministic document of history-like events, about `targetBytes` long when written compactly.
///
/// Shaped like GetExecutionHistory output: integer ids, ISO timestamps, event types, nested detail objects
/// carrying escaped JSON payloads as strings, decimals that need correct rounding, some non-ASCII names.
enum EventDocument {
    static func make(targetBytes: Int = 1 << 20) -> JSON {
        var random = LCG(seed: 42)
        var events: [JSON] = []
        var size = 0
        var id = 1
        while size < targetBytes {
            let event = self.event(id: id, random: &random)
            size += event.serializedSize + 1
            events.append(event)
            id += 1
        }
        return ["events": .array(events), "nextToken": nil]
    }

    static let types = ["TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "PassStateEntered"]
    static let names = ["ValidateOrder", "ChargeCard", "Réserver l’hôtel", "発送", "NotifyCustomer 📦", "Archive"]

    static func event(id: Int, random: inout LCG) -> JSON {
        let type = types[id % types.count]
        let seconds = id * 37 % 86_400
        let timestamp = "2026-11-22T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60)).\(id % 1000)Z"
        let payload: JSON = [
            "orderId": .string("order-\(random.next() % 100_000)"),
            "amount": .double(Double(random.next() % 1_000_000) / 100 + 0.37018096711688264),
            "quantity": .int(Int(random.next() % 50)),
            "tags": ["priority", "eu-west", .string("batch-\(id / 100)")],
            "ok": .bool(random.next() % 2 == 0),
            "note": "line one\nline \"two\"\ttabbed",
        ]
        let details: JSON = [
            "name": .string(names[id % names.count]),
            "input": .string(payload.serialized()),
            "inputDetails": ["truncated": false],
            "resource": "arn:aws:lambda:us-east-1:123456789012:function:worker",
            "timeoutInSeconds": .int(300),
            "metrics": ["latency": .double(Double(random.next() % 10_000) / 1000), "retries": .int(Int(random.next() % 3))],
        ]
        return [
            "id": .int(id), "previousEventId": .int(id - 1), "timestamp": .string(timestamp), "type": .string(type),
            "eventDetails": details, "payload": payload,
        ]
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A linear congruential generator: the same document on every run and machine.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
