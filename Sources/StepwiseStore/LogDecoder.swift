import Foundation
import JSON
import Stepwise

/// Reads a `history_segments` body written by ``LogEncoder``: the steps, and the events whose ids are in a range
/// (the others are skipped without building their JSON). Bytes that do not decode throw `.damaged`.
struct LogDecoder {
    private let bytes: [UInt8]
    private var offset = 0
    private var strings: [String] = []
    private var lastPayload: Range<Int>?
    private var lastTime: UInt64?
    /// The last payload written as a JSON string, and where its text is.
    private var lastQuoted: (range: Range<Int>, text: [UInt8])?
    /// Whether payloads are parsed (an event in the requested range) or only skipped.
    private var materialize = false

    init(_ bytes: [UInt8]) throws {
        guard bytes.first == LogEncoder.formatVersion else {
            throw StoreError(.damaged, "history segment format \(bytes.first.map(String.init) ?? "none") is unknown")
        }
        self.bytes = bytes
        offset = 1
    }

    /// Decodes a whole body: its steps when `steps`, and its events with ids in `events`.
    static func decode(_ body: [UInt8], steps: Bool, events: ClosedRange<Int>?) throws -> (steps: [StepRow], events: [EventRow]) {
        var decoder = try LogDecoder(body)
        var stepRows: [StepRow] = []
        var eventRows: [EventRow] = []
        while decoder.offset < decoder.bytes.count {
            let tag = try decoder.byte()
            switch LogEncoder.Tag(rawValue: tag) {
            case .reset:
                decoder.strings.removeAll(keepingCapacity: true)
                decoder.lastPayload = nil
                decoder.lastTime = nil
            case .step:
                let step = try decoder.step()
                if steps { stepRows.append(step) }
            case .event, .eventSameTime:
                let id = try decoder.signed()
                decoder.materialize = events?.contains(id) ?? false
                let previous = id - (try decoder.signed())
                let time = tag == LogEncoder.Tag.event.rawValue ? try decoder.time() : try decoder.sameTime()
                guard let type = EventType(rawValue: try decoder.string()) else { throw damaged("an unknown event type") }
                let details = try decoder.details()
                guard decoder.materialize else { continue }
                let text: String?
                switch details {
                case .text(let written): text = written
                case .details(let details):
                    text =
                        HistoryEvent(id: id, previousEventId: previous, timestamp: Date(timeIntervalSince1970: time), type: type, details: details)
                        .detailsText
                }
                eventRows.append(EventRow(id: id, type: type.rawValue, timestamp: time, previousEventId: previous, writtenDetails: text))
            case .row:
                let id = try decoder.signed()
                let previous = id - (try decoder.signed())
                let time = try decoder.time()
                let type = try decoder.string()
                let details = try decoder.byte() == 1 ? String(decoding: try decoder.text(), as: UTF8.self) : nil
                if events?.contains(id) ?? false {
                    eventRows.append(EventRow(id: id, type: type, timestamp: time, previousEventId: previous, details: details))
                }
            case nil: throw damaged("record tag \(tag) is unknown")
            }
        }
        return (stepRows, eventRows)
    }

    private mutating func step() throws -> StepRow {
        let seq = Int(try unsigned())
        let time = try time()
        return StepRow(seq: seq, timestamp: time, input: String(decoding: try text(), as: UTF8.self))
    }

    /// An event's details: the engine's value, or (for the events of states entering and exiting, most of any
    /// history) their text written at once.
    enum DecodedDetails {
        case details(HistoryEvent.Details)
        case text(String)
    }

    private mutating func details() throws -> DecodedDetails {
        let kind = try byte()
        switch kind {
        case 4:
            let name = try string()
            let input = try payloadRange()
            return .text(materialize ? stateDetails("stateEnteredEventDetails", name, "input", input) : "")
        case 5:
            let name = try string()
            let output = try payloadRange()
            let count = try unsigned()
            guard count <= UInt64(bytes.count) else { throw Self.damaged("an assignment count beyond the segment") }
            // An empty Assign records nothing, as no Assign: the shape `detailsJSON` gives both.
            if count <= 1 { return .text(materialize ? stateDetails("stateExitedEventDetails", name, "output", output) : "") }
            let value = try parse(output)
            var assigned: [(String, JSON)] = []
            for _ in 1..<count { assigned.append((try string(), try payload())) }
            return .details(.stateExited(name: name, output: value, assignedVariables: assigned))
        default: return .details(try otherDetails(kind))
        }
    }

    /// `{"<key>":{"name":…,"<member>":…,"<member>Details":{"truncated":false}}}`, as `HistoryEvent.detailsText`
    /// writes a state's Entered or Exited event without assignments, from the payload's stored text (which is
    /// the writer's own output, so it is not parsed and written again).
    private mutating func stateDetails(_ key: String, _ name: String, _ member: String, _ payload: Range<Int>) -> String {
        // A state's input is usually the previous state's output, stored once: its quoted text is reused.
        if lastQuoted?.range != payload {
            lastQuoted = (payload, JSON.string(String(decoding: bytes[payload], as: UTF8.self)).serializedBytes())
        }
        let quotedPayload = lastQuoted?.text ?? []
        var text: [UInt8] = []
        text.reserveCapacity(quotedPayload.count + name.utf8.count + 2 * member.utf8.count + key.utf8.count + 48)
        text += #"{""#.utf8
        text += key.utf8
        text += #"":{"name":"#.utf8
        text += JSON.string(name).serializedBytes()
        text += #",""#.utf8
        text += member.utf8
        text += #"":"#.utf8
        text += quotedPayload
        text += #",""#.utf8
        text += member.utf8
        text += #"Details":{"truncated":false}}}"#.utf8
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func otherDetails(_ kind: UInt8) throws -> HistoryEvent.Details {
        switch kind {
        case 0: return .none
        case 1: return .executionStarted(input: try payload(), roleArn: try string())
        case 2: return .executionSucceeded(output: try payload())
        case 3: return .failure(error: try optionalString(), cause: try optionalString())
        case 6:
            return .taskScheduled(
                resourceType: try string(), resource: try string(), region: try string(), parameters: try payload(),
                timeout: try optionalInt(), heartbeat: try optionalInt())
        case 7: return .task(resourceType: try string(), resource: try string())
        case 8: return .taskOutput(resourceType: try string(), resource: try string(), output: try payload())
        case 9: return .taskFailure(resourceType: try string(), resource: try string(), error: try optionalString(), cause: try optionalString())
        case 10: return .lambdaScheduled(resource: try string(), input: try payload(), timeout: try optionalInt())
        case 11:
            return .activityScheduled(resource: try string(), input: try payload(), timeout: try optionalInt(), heartbeat: try optionalInt())
        case 12: return .output(try payload())
        case 13: return .mapStarted(length: try signed())
        case 14: return .mapRun(arn: try string())
        case 15: return .activityStarted(workerName: try string())
        case 16: return .mapIteration(name: try string(), index: try signed())
        case 17: return .evaluationFailed(error: try string(), cause: try string(), location: try optionalString(), state: try string())
        case 18: return .executionRedriven(redriveCount: try signed())
        case 19: return .mapRunRedriven(arn: try string(), redriveCount: try signed())
        default: throw Self.damaged("event details kind \(kind) is unknown")
        }
    }

    /// The payload's JSON when the event is materialized; `null` when it is only skipped.
    private mutating func payload() throws -> JSON { try parse(try payloadRange()) }

    /// Where the payload's text is (the previous payload's, for a repeated one).
    private mutating func payloadRange() throws -> Range<Int> {
        let length = try unsigned()
        guard length > 0 else {
            guard let lastPayload else { throw Self.damaged("a repeated payload without a previous one") }
            return lastPayload
        }
        let range = try take(length - 1)
        lastPayload = range
        return range
    }

    private func parse(_ range: Range<Int>) throws -> JSON {
        guard materialize else { return .null }
        do { return try JSON(parsing: bytes[range]) } catch { throw Self.damaged("a payload that is not JSON (\(error))") }
    }

    private mutating func string() throws -> String {
        let index = try unsigned()
        if index > 0 {
            guard index <= UInt64(strings.count) else { throw Self.damaged("string \(index) beyond the table") }
            return strings[Int(index - 1)]
        }
        let value = String(decoding: try text(), as: UTF8.self)
        strings.append(value)
        return value
    }

    private mutating func optionalString() throws -> String? { try byte() == 0 ? nil : try string() }

    private mutating func optionalInt() throws -> Int? { try byte() == 0 ? nil : try signed() }

    private mutating func text() throws -> ArraySlice<UInt8> { bytes[try take(try unsigned())] }

    private mutating func take(_ count: UInt64) throws -> Range<Int> {
        guard count <= UInt64(bytes.count - offset) else { throw Self.damaged("a field running past the segment's end") }
        defer { offset += Int(count) }
        return offset..<offset + Int(count)
    }

    private mutating func time() throws -> Double {
        var bits: UInt64 = 0
        for (index, byte) in bytes[try take(8)].enumerated() { bits |= UInt64(byte) << UInt64(8 * index) }
        lastTime = bits
        return Double(bitPattern: bits)
    }

    private func sameTime() throws -> Double {
        guard let lastTime else { throw Self.damaged("a repeated timestamp without a previous one") }
        return Double(bitPattern: lastTime)
    }

    private mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Self.damaged("a record cut short") }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func signed() throws -> Int {
        let value = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    private mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw Self.damaged("a number longer than 64 bits") }
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    static func damaged(_ what: String) -> StoreError { StoreError(.damaged, "damaged history segment: \(what)") }
}
