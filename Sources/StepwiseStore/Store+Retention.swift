import Foundation

extension Store {
    /// Deletes finished executions that stopped more than `days` days before `now`, with their events and
    /// step logs (asl-reference §9: history is retained 90 days). Running executions are never purged.
    ///
    /// Works in batches of a few hundred executions per transaction, so a large purge never holds the write
    /// lock for long. - Returns: how many executions were deleted.
    @discardableResult
    public func purge(olderThanDays days: Int = 90, now: Date) throws -> Int {
        let cutoff = now.timeIntervalSince1970 - Double(days) * 86_400
        var purged = 0
        while true {
            let count = try commit { database in try database.purgeBatch(before: cutoff, limit: 256) }
            purged += count
            if count < 256 { return purged }
        }
    }
}

extension Database {
    /// Deletes up to `limit` executions stopped before `cutoff`, with their log. Runs inside a transaction.
    func purgeBatch(before cutoff: Double, limit: Int) throws -> Int {
        let arns = try rows("""
            SELECT arn FROM executions WHERE stop_date < ? AND status <> 'RUNNING' ORDER BY stop_date LIMIT ?
            """, cutoff, limit) { $0.text(0) }
        for arn in arns {
            try run("DELETE FROM events WHERE execution_arn = ?", arn)
            try run("DELETE FROM step_log WHERE execution_arn = ?", arn)
            try run("DELETE FROM executions WHERE arn = ?", arn)
        }
        return arns.count
    }
}
