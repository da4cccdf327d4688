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
        try writeChildLogs(changes.childLogs)
    }

    /// Appends children's events as history segments, as ``writeLog(_:finishes:)`` does for executions (children
    /// have no steps: their segments' `last_seq` is 0), and advances their event counts. Children's events written
    /// by earlier builds stay in `events` and are read before the segments.
    private func writeChildLogs(_ logs: [(executionArn: String, pieces: [LogEncoder.Piece])]) throws {
        guard !logs.isEmpty else { return }
        let insert = try statement(
            "INSERT INTO history_segments (execution_arn, last_event_id, last_seq, first_event_id, body) VALUES (?, ?, ?, ?, ?)")
        let count = try statement("UPDATE map_run_executions SET event_count = ? WHERE arn = ?")
        for (arn, pieces) in logs {
            var segment = SegmentBuilder()
            for piece in pieces where piece.eventCount > 0 {
                segment.add(piece)
                if segment.isFull { try segment.write(arn, with: insert) }
            }
            try segment.write(arn, with: insert)
            if let last = pieces.last(where: { $0.eventCount > 0 }) { try count.run(last.lastEventId, arn) }
        }
    }
}
