import StepwiseSQLite

extension SQLiteConnection {
    /// Appends the queued steps and events as history segments (one per execution, or more when its commit holds
    /// more than ``segmentEvents`` events), advances each execution's event count, then records the queued ends of
    /// executions (each after its own last step). Runs inside a transaction.
    ///
    /// The hot path of the store: the entries arrive encoded, so a commit concatenates bytes and inserts a few rows.
    func writeLog(_ entries: [PendingLog.Entry], finishes: [PendingLog.Finish] = []) throws {
        let insert = try statement(
            "INSERT INTO history_segments (execution_arn, last_event_id, last_seq, first_event_id, body) VALUES (?, ?, ?, ?, ?)")
        var open: [String: SegmentBuilder] = [:]
        var lastEvent: [String: Int] = [:]
        for entry in entries {
            var segment = open.removeValue(forKey: entry.arn) ?? SegmentBuilder()
            for piece in entry.pieces {
                segment.add(piece)
                if segment.isFull { try segment.write(entry.arn, with: insert) }
            }
            open[entry.arn] = segment
            if !entry.pieces.allSatisfy({ $0.eventCount == 0 }) { lastEvent[entry.arn] = entry.lastEventId }
            if let mapRuns = entry.mapRuns { try writeMapRuns(mapRuns) }
        }
        for (arn, var segment) in open { try segment.write(arn, with: insert) }
        let update = try statement("UPDATE executions SET event_count = ? WHERE arn = ?")
        for (arn, count) in lastEvent { try update.run(count, arn) }
        guard !finishes.isEmpty else { return }
        let finish = try statement(
            """
            UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ? WHERE arn = ? AND status = 'RUNNING'
            """)
        for end in finishes { try finish.run(end.status, end.output, end.error, end.cause, end.stopDate, end.arn) }
    }
}

/// Pieces of one execution's log gathered into a `history_segments` row.
struct SegmentBuilder {
    /// A segment is written once it holds this many events (or ``segmentBytes`` bytes): a page of history then
    /// decodes little beyond what it returns.
    static let segmentEvents = LogEncoder.eventsPerPiece
    static let segmentBytes = 32 * 1024

    private var body: [UInt8] = []
    private var events = 0
    private var firstEventId = 0
    private var lastEventId = 0
    private var lastSeq = 0

    var isFull: Bool { events >= Self.segmentEvents || body.count >= Self.segmentBytes }

    mutating func add(_ piece: LogEncoder.Piece) {
        if body.isEmpty {
            body.reserveCapacity(piece.bytes.count + 1)
            body.append(LogEncoder.formatVersion)
            firstEventId = piece.lastEventId - piece.eventCount + 1
        }
        body.append(contentsOf: piece.bytes)
        events += piece.eventCount
        lastEventId = piece.lastEventId
        lastSeq = piece.lastSeq
    }

    /// Inserts the segment, if it holds anything, and empties the builder.
    mutating func write(_ arn: String, with insert: SQLiteStatement) throws {
        guard !body.isEmpty else { return }
        try insert.run(arn, lastEventId, lastSeq, firstEventId, body)
        self = SegmentBuilder()
    }
}
