import JSON
import Stepwise

/// Writes an execution's log (steps and history events) in the compact encoding of `history_segments` bodies.
///
/// A body is a format byte (``formatVersion``) followed by pieces; each piece starts with a `reset` record and is
/// self-contained, so a commit concatenates pieces of any steps into one segment. Inside a piece:
/// - strings that repeat (event types, state names, resources, errors) are written once and then referenced
///   by their number in the piece's table;
/// - a JSON payload identical to the previous one (a state's output that is the next state's input, an input
///   that passes through) is one byte;
/// - an event with the timestamp of the record before it stores no timestamp.
///
/// Records: `step` (seq, time, input text), `event` (an engine `HistoryEvent`, decoded back into the same value on
/// read, so its GetExecutionHistory JSON is produced by the same code as before), `row` (an `EventRow` given as
/// text, as the store's own callers and tests append). Integers are LEB128 varints (zigzag where signed);
/// doubles are their 8 IEEE bytes, so timestamps come back exactly.
struct LogEncoder {
    static let formatVersion: UInt8 = 1
    /// Events per piece: a page of history decodes at most a few pieces' worth of records beyond what it shows.
    static let eventsPerPiece = 256

    enum Tag: UInt8 {
        case reset = 0
        case step = 1
        case event = 2
        case eventSameTime = 3
        case row = 4
    }

    /// A self-contained run of records: the unit a segment is made of.
    struct Piece: Sendable {
        var bytes: [UInt8]
        var eventCount: Int
        /// The id of the piece's last event, or of the event before it when it has none.
        var lastEventId: Int
        /// The sequence number of the last step the piece's records belong to.
        var lastSeq: Int
    }

    /// The pieces written so far, each self-contained.
    private(set) var pieces: [Piece] = []
    private var bytes: [UInt8] = []
    private var lastEventId = 0
    private var lastSeq = 0
    private var strings: [String: Int] = [:]
    private var lastPayload: [UInt8]?
    private var lastTime: UInt64?
    private var eventsInPiece = 0

    init() { startPiece() }

    /// The pieces, the last one closed.
    mutating func finish() -> [Piece] {
        closePiece()
        bytes = []
        return pieces
    }

    private mutating func closePiece() {
        guard bytes.count > 1 else { return }
        pieces.append(Piece(bytes: bytes, eventCount: eventsInPiece, lastEventId: lastEventId, lastSeq: lastSeq))
    }

    private mutating func startPiece() {
        closePiece()
        bytes = [Tag.reset.rawValue]
        bytes.reserveCapacity(1024)
        strings.removeAll(keepingCapacity: true)
        lastPayload = nil
        lastTime = nil
        eventsInPiece = 0
    }

    private mutating func countEvent(_ id: Int) {
        if eventsInPiece == Self.eventsPerPiece { startPiece() }
        eventsInPiece += 1
        lastEventId = id
    }

    mutating func step(_ step: StepRow) {
        lastSeq = step.seq
        bytes.append(Tag.step.rawValue)
        unsigned(UInt64(max(0, step.seq)))
        time(step.timestamp.bitPattern)
        text(Array(step.input.utf8))
    }

    mutating func event(_ event: HistoryEvent) {
        countEvent(event.id)
        let time = event.timestamp.timeIntervalSince1970.bitPattern
        let same = time == lastTime
        bytes.append(same ? Tag.eventSameTime.rawValue : Tag.event.rawValue)
        signed(event.id)
        signed(event.id - event.previousEventId)
        if !same { self.time(time) }
        string(event.type.rawValue)
        details(event.details)
    }

    mutating func row(_ row: EventRow) {
        countEvent(row.id)
        bytes.append(Tag.row.rawValue)
        signed(row.id)
        signed(row.id - row.previousEventId)
        time(row.timestamp.bitPattern)
        string(row.type)
        if let details = row.details {
            bytes.append(1)
            text(Array(details.utf8))
        } else {
            bytes.append(0)
        }
    }

    private mutating func details(_ details: HistoryEvent.Details) {
        switch details {
        case .none: bytes.append(0)
        case .executionStarted(let input, let roleArn):
            bytes.append(1)
            payload(input)
            string(roleArn)
        case .executionSucceeded(let output):
            bytes.append(2)
            payload(output)
        case .failure(let error, let cause):
            bytes.append(3)
            optional(error)
            optional(cause)
        case .stateEntered(let name, let input):
            bytes.append(4)
            string(name)
            payload(input)
        case .stateExited(let name, let output, let assigned):
            bytes.append(5)
            string(name)
            payload(output)
            if let assigned {
                unsigned(UInt64(assigned.count) + 1)
                for (name, value) in assigned {
                    string(name)
                    payload(value)
                }
            } else {
                bytes.append(0)
            }
        case .taskScheduled(let resourceType, let resource, let region, let parameters, let timeout, let heartbeat):
            bytes.append(6)
            string(resourceType)
            string(resource)
            string(region)
            payload(parameters)
            optional(timeout)
            optional(heartbeat)
        case .task(let resourceType, let resource):
            bytes.append(7)
            string(resourceType)
            string(resource)
        case .taskOutput(let resourceType, let resource, let output):
            bytes.append(8)
            string(resourceType)
            string(resource)
            payload(output)
        case .taskFailure(let resourceType, let resource, let error, let cause):
            bytes.append(9)
            string(resourceType)
            string(resource)
            optional(error)
            optional(cause)
        case .lambdaScheduled(let resource, let input, let timeout):
            bytes.append(10)
            string(resource)
            payload(input)
            optional(timeout)
        case .activityScheduled(let resource, let input, let timeout, let heartbeat):
            bytes.append(11)
            string(resource)
            payload(input)
            optional(timeout)
            optional(heartbeat)
        case .output(let output):
            bytes.append(12)
            payload(output)
        case .mapStarted(let length):
            bytes.append(13)
            signed(length)
        case .mapRun(let arn):
            bytes.append(14)
            string(arn)
        case .activityStarted(let worker):
            bytes.append(15)
            string(worker)
        case .mapIteration(let name, let index):
            bytes.append(16)
            string(name)
            signed(index)
        case .evaluationFailed(let error, let cause, let location, let state):
            bytes.append(17)
            string(error)
            string(cause)
            optional(location)
            string(state)
        case .executionRedriven(let count):
            bytes.append(18)
            signed(count)
        case .mapRunRedriven(let arn, let count):
            bytes.append(19)
            string(arn)
            signed(count)
        }
    }

    /// A JSON payload as its compact text, or 0 when it is the same text as the piece's previous payload.
    private mutating func payload(_ value: JSON) {
        let text = value.serializedBytes()
        if text == lastPayload {
            bytes.append(0)
            return
        }
        unsigned(UInt64(text.count) + 1)
        bytes.append(contentsOf: text)
        lastPayload = text
    }

    /// A string from the piece's table: its number + 1, or 0 and the string, which then joins the table.
    private mutating func string(_ value: String) {
        if let index = strings[value] {
            unsigned(UInt64(index) + 1)
            return
        }
        bytes.append(0)
        text(Array(value.utf8))
        strings[value] = strings.count
    }

    private mutating func optional(_ value: String?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        string(value)
    }

    private mutating func optional(_ value: Int?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        signed(value)
    }

    private mutating func text(_ utf8: [UInt8]) {
        unsigned(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    private mutating func time(_ bits: UInt64) {
        lastTime = bits
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    private mutating func signed(_ value: Int) {
        let value = Int64(value)
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

/// A step and its events in the log's encoding, made before the store's queue sees them (on the journal's consumer
/// task for the engine's steps), for ``Store/append(arn:encoded:mapRuns:)``.
struct EncodedStep: Sendable {
    let seq: Int
    let eventIds: [Int]
    /// A step without events has one piece, whose `lastEventId` the store sets from the execution's tail.
    var pieces: [LogEncoder.Piece]

    init(step: StepRow, events: [HistoryEvent]) {
        var encoder = LogEncoder()
        encoder.step(step)
        for event in events { encoder.event(event) }
        seq = step.seq
        eventIds = events.map(\.id)
        pieces = encoder.finish()
    }

    init(step: StepRow, rows: [EventRow]) {
        var encoder = LogEncoder()
        encoder.step(step)
        for row in rows { encoder.row(row) }
        seq = step.seq
        eventIds = rows.map(\.id)
        pieces = encoder.finish()
    }
}
