import StepwiseSQLite

extension SQLiteConnection {
    /// Inserts queued steps and events, advances each execution's event count, then records the queued ends of
    /// executions (each after its own last step). Runs inside a transaction.
    ///
    /// The hot path of the store: cached statements, typed binds, no per-row allocation beyond SQLite's copies.
    func writeLog(_ entries: [PendingLog.Entry], finishes: [PendingLog.Finish] = []) throws {
        let insertStep = try statement("INSERT INTO step_log (execution_arn, seq, timestamp, input) VALUES (?, ?, ?, ?)")
        let insertEvent = try statement(
            """
            INSERT INTO events (execution_arn, id, type, timestamp, previous_event_id, details) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var lastEvent: [String: Int] = [:]
        for entry in entries {
            insertStep.reset()
            try insertStep.bind(entry.arn, at: 1)
            try insertStep.bind(entry.step.seq, at: 2)
            try insertStep.bind(entry.step.timestamp, at: 3)
            try insertStep.bind(entry.step.input, at: 4)
            try insertStep.step()
            insertStep.reset()
            if !entry.events.isEmpty {
                insertEvent.reset()
                try insertEvent.bind(entry.arn, at: 1)  // bindings survive sqlite3_reset: bound once per step
            }
            for event in entry.events { try insert(event, with: insertEvent) }
            if let last = entry.events.last { lastEvent[entry.arn] = last.id }
            if let mapRuns = entry.mapRuns { try writeMapRuns(mapRuns) }
        }
        let update = try statement("UPDATE executions SET event_count = ? WHERE arn = ?")
        for (arn, count) in lastEvent { try update.run(count, arn) }
        guard !finishes.isEmpty else { return }
        let finish = try statement(
            """
            UPDATE executions SET status = ?, output = ?, error = ?, cause = ?, stop_date = ? WHERE arn = ? AND status = 'RUNNING'
            """)
        for end in finishes { try finish.run(end.status, end.output, end.error, end.cause, end.stopDate, end.arn) }
    }

    /// Inserts one event; parameter 1 (the execution ARN) is already bound.
    private func insert(_ event: EventRow, with statement: SQLiteStatement) throws {
        defer { statement.reset() }
        try statement.bind(event.id, at: 2)
        try statement.bind(event.type, at: 3)
        try statement.bind(event.timestamp, at: 4)
        try statement.bind(event.previousEventId, at: 5)
        if let details = event.details { try statement.bind(details, at: 6) } else { try statement.bindNull(at: 6) }
        try statement.step()
    }
}
