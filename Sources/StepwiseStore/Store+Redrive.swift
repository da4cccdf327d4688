import Foundation
import StepwiseSQLite

extension Store {
    /// Reopens a FAILED, TIMED_OUT or ABORTED execution for a redrive (RedriveExecution), committed before it
    /// returns: RUNNING again, without stop date, output, error or cause, its redrive count one higher, its redrive
    /// date `date` (or its last step's time, when a virtual clock ran it past `date`) and `clientToken` kept for
    /// idempotency. Its log is open again: the engine appends the redrive step and what follows, and a process that
    /// restarts resumes it (redriving it first if that step was lost).
    ///
    /// - Returns: the reopened record.
    /// - Throws: `.notFound`; `.invalidArgument` when it is not FAILED, TIMED_OUT or ABORTED; the write failure.
    package func reopenForRedrive(arn: String, date: Date, clientToken: String?) throws -> ExecutionRecord {
        try flush()
        let lastStep = try database().stepLog(arn).last?.timestamp ?? 0
        let changed = try commit { database in
            try database.run(
                """
                UPDATE executions SET status = 'RUNNING', stop_date = NULL, output = NULL, error = NULL, cause = NULL,
                    redrive_count = redrive_count + 1,
                    redrive_date = max(?2, ?4),
                    redrive_token = ?3
                WHERE arn = ?1 AND status IN ('FAILED', 'TIMED_OUT', 'ABORTED')
                """, arn, date.timeIntervalSince1970, clientToken, lastStep)
        }
        guard let record = try execution(arn: arn) else { throw StoreError(.notFound, "Execution Does Not Exist: '\(arn)'") }
        guard changed == 1 else { throw StoreError(.invalidArgument, "execution \(arn) is \(record.status.rawValue), it cannot be redriven") }
        return record
    }

    /// The client token of the execution's last redrive, if it gave one.
    package func redriveToken(arn: String) throws -> String? {
        settle()
        return try database().rows("SELECT redrive_token FROM executions WHERE arn = ?", arn) { $0.optionalText(0) }.first ?? nil
    }
}
