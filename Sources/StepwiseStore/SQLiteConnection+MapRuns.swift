import Foundation
import Stepwise
import StepwiseSQLite

extension SQLiteConnection {
    /// Upserts changed Map Runs and child executions and appends child history events. Runs inside a transaction.
    func writeMapRuns(_ changes: MapRunRows) throws {
        let run = try statement(
            """
            INSERT INTO map_runs (\(Store.mapRunColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (arn) DO UPDATE SET status = excluded.status, stop_date = excluded.stop_date,
                max_concurrency = excluded.max_concurrency, tolerated_failure_percentage = excluded.tolerated_failure_percentage,
                tolerated_failure_count = excluded.tolerated_failure_count, item_counts = excluded.item_counts,
                execution_counts = excluded.execution_counts, redrive_count = excluded.redrive_count,
                redrive_date = excluded.redrive_date
            """)
        for record in changes.runs {
            try run.run(
                record.arn, record.executionArn, record.stateMachineArn, record.status.rawValue, record.startDate.timeIntervalSince1970,
                record.stopDate?.timeIntervalSince1970, record.maxConcurrency, record.toleratedFailurePercentage, record.toleratedFailureCount,
                record.itemCounts.json.serialized(), record.executionCounts.json.serialized(), record.redriveCount,
                record.redriveDate?.timeIntervalSince1970)
        }
        let child = try statement(
            """
            INSERT INTO map_run_executions (arn, name, map_run_arn, state_machine_arn, parent_arn, status, input, output, error, cause,
                start_date, stop_date, redrive_count, redrive_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (arn) DO UPDATE SET status = excluded.status, output = excluded.output, error = excluded.error,
                cause = excluded.cause, stop_date = excluded.stop_date, redrive_count = excluded.redrive_count,
                redrive_date = excluded.redrive_date
            """)
        for row in changes.children {
            try child.run(
                row.arn, row.name, row.mapRunArn, row.stateMachineArn, row.parentArn, row.status, row.input, row.output, row.error, row.cause,
                row.startDate, row.stopDate, row.redriveCount, row.redriveDate)
        }
        try writeChildEvents(changes.events)
    }

    private func writeChildEvents(_ events: [(executionArn: String, row: EventRow)]) throws {
        guard !events.isEmpty else { return }
        let insert = try statement(
            """
            INSERT INTO events (execution_arn, id, type, timestamp, previous_event_id, details) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var last: [String: Int] = [:]
        for (arn, row) in events {
            try insert.run(arn, row.id, row.type, row.timestamp, row.previousEventId, row.details)
            last[arn] = row.id
        }
        let count = try statement("UPDATE map_run_executions SET event_count = ? WHERE arn = ?")
        for (arn, id) in last { try count.run(id, arn) }
    }
}
