import StepwiseSQLite

extension SQLiteConnection {
    /// An execution's step log, in order: rows of earlier builds (`step_log`), then the steps in its segments.
    func stepLog(_ arn: String) throws -> [StepRow] {
        var steps = try rows("SELECT seq, timestamp, input FROM step_log WHERE execution_arn = ? ORDER BY seq", arn) {
            StepRow(seq: $0.int(0), timestamp: $0.double(1), input: $0.text(2))
        }
        let bodies = try rows("SELECT body FROM history_segments WHERE execution_arn = ? ORDER BY last_event_id, last_seq", arn) {
            $0.blob(0)
        }
        for body in bodies { steps += try LogDecoder.decode(body, steps: true, events: nil).steps }
        return steps
    }

    /// The events of an execution with ids in `ids`, in order: rows of earlier builds (`events`, where Map Run
    /// children's events are also written) and the segments that overlap the range, found by their key.
    func historyEvents(_ arn: String, ids: ClosedRange<Int>) throws -> [EventRow] {
        var events = try rows(
            "SELECT id, type, timestamp, previous_event_id, details FROM events WHERE execution_arn = ? AND id BETWEEN ? AND ? ORDER BY id",
            arn, ids.lowerBound, ids.upperBound, row: Store.event)
        let bodies = try rows(
            """
            SELECT body FROM history_segments WHERE execution_arn = ? AND last_event_id >= ? AND first_event_id <= ?
            ORDER BY last_event_id, last_seq
            """, arn, ids.lowerBound, ids.upperBound
        ) { $0.blob(0) }
        for body in bodies { events += try LogDecoder.decode(body, steps: false, events: ids).events }
        return events
    }
}
