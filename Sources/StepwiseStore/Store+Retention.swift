import Foundation
import StepwiseSQLite

extension Store {
    /// Deletes finished executions that stopped more than `days` days before `now`, with everything keyed by
    /// them: history segments, events, step logs, task callbacks and their jobs (asl-reference §9: history is retained 90 days).
    /// Jobs that never got an execution go too once as old: cancelled while QUEUED, or failed to start. Running
    /// executions and queued jobs are never purged.
    ///
    /// Works in batches of a few hundred executions per transaction, so a large purge never holds the write
    /// lock for long. - Returns: how many executions were deleted.
    @discardableResult
    package func purge(olderThanDays days: Int = 90, now: Date) throws -> Int {
        let cutoff = now.timeIntervalSince1970 - Double(days) * 86_400
        var purged = 0
        while true {
            let count = try commit { database in try database.purgeBatch(before: cutoff, limit: 256) }
            purged += count
            if count < 256 { break }
        }
        while try commit({ database in try database.purgeUnstartedJobs(before: cutoff, limit: 256) }) == 256 {}
        return purged
    }
}

extension SQLiteConnection {
    /// Deletes up to `limit` executions stopped before `cutoff`, with their log. Runs inside a transaction.
    func purgeBatch(before cutoff: Double, limit: Int) throws -> Int {
        let arns = try rows(
            """
            SELECT arn FROM executions WHERE stop_date < ? AND status <> 'RUNNING' ORDER BY stop_date LIMIT ?
            """, cutoff, limit
        ) { $0.text(0) }
        for arn in arns {
            try run("DELETE FROM events WHERE execution_arn = ?", arn)
            try run("DELETE FROM step_log WHERE execution_arn = ?", arn)
            try run("DELETE FROM history_segments WHERE execution_arn = ?", arn)
            try run("DELETE FROM task_callbacks WHERE execution_arn = ?", arn)
            try run("DELETE FROM jobs WHERE execution_arn = ?", arn)
            try run("DELETE FROM executions WHERE arn = ?", arn)
        }
        return arns.count
    }

    /// Deletes up to `limit` jobs without an execution that were cancelled, or failed to start, before `cutoff`.
    func purgeUnstartedJobs(before cutoff: Double, limit: Int) throws -> Int {
        try run(
            """
            DELETE FROM jobs WHERE seq IN (
                SELECT seq FROM jobs WHERE execution_arn IS NULL AND coalesce(cancelled_date, created_date) < ?1
                    AND (cancelled_date IS NOT NULL OR start_error IS NOT NULL)
                UNION ALL
                SELECT seq FROM jobs WHERE execution_arn IS NOT NULL AND start_error IS NOT NULL AND created_date < ?1
                    AND NOT EXISTS (SELECT 1 FROM executions WHERE arn = jobs.execution_arn)
                LIMIT ?2)
            """, cutoff, limit)
    }
}
