import Foundation
import JSON
import StepwiseSQLite

extension Store {
    static let jobColumns = """
        id, workflow, state_machine_arn, input, created_date, execution_arn, status, start_date, stop_date, output, \
        error, cause, seq
        """

    /// Stores a new job, QUEUED until ``assignJob(id:executionArn:)`` gives it an execution.
    ///
    /// - Throws: `.alreadyExists` when a job with that id exists.
    package func createJob(id: String, workflow: String, stateMachineArn: String, input: String, date: Date) throws {
        do {
            try database().run(
                """
                INSERT INTO jobs (id, workflow, state_machine_arn, input, created_date) VALUES (?, ?, ?, ?, ?)
                """, id, workflow, stateMachineArn, input, date.timeIntervalSince1970)
        } catch let error as StoreError where error.isDuplicate {
            throw StoreError(.alreadyExists, "Job Already Exists: '\(id)'", code: error.code)
        }
    }

    /// The job with this id, or nil.
    package func job(id: String) throws -> JobRecord? {
        settle()
        return try database().rows("SELECT \(Self.jobColumns) FROM job_status WHERE id = ?", id, row: Self.job).first
    }

    /// Jobs newest first, optionally of one workflow and one status, a page at a time (`maxResults` 0 → 100).
    package func listJobs(
        workflow: String? = nil, status: JobRecord.Status? = nil, maxResults: Int = 0,
        nextToken: String? = nil
    ) throws -> Page<JobRecord> {
        let limit = try Self.pageSize(maxResults)
        let scope = "\(workflow ?? "*")|\(status?.rawValue ?? "*")"
        var bound = Int(Int64.max)
        if let nextToken {
            let key = try PageToken(decoding: nextToken, listing: "jobs", scope: scope, keyCount: 1).key
            guard let seq = key[0].intValue else { throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'") }
            bound = seq
        }
        settle()
        let rows = try database().rows(
            """
            SELECT \(Self.jobColumns) FROM job_status
            WHERE seq < ?1 AND (?2 IS NULL OR workflow = ?2) AND (?3 IS NULL OR status = ?3) ORDER BY seq DESC LIMIT ?4
            """, bound, workflow, status?.rawValue, limit + 1
        ) { (Self.job($0), $0.int(12)) }
        guard rows.count > limit else { return Page(items: rows.map(\.0), nextToken: nil) }
        let token = PageToken(listing: "jobs", scope: scope, key: [.int(rows[limit - 1].1)])
        return Page(items: rows.prefix(limit).map(\.0), nextToken: token.encoded())
    }

    /// The QUEUED jobs of a workflow, oldest first.
    package func queuedJobs(workflow: String, limit: Int) throws -> [JobRecord] {
        try database().rows(
            """
            SELECT \(Self.jobColumns) FROM job_status WHERE workflow = ? AND status = 'QUEUED' ORDER BY seq LIMIT ?
            """, workflow, limit, row: Self.job)
    }

    /// The PENDING jobs, oldest first: given a slot, but their execution was never stored (a crash in between).
    package func pendingJobs() throws -> [JobRecord] {
        settle()
        return try database().rows("SELECT \(Self.jobColumns) FROM job_status WHERE status = 'PENDING' ORDER BY seq", row: Self.job)
    }

    /// The workflows that have QUEUED jobs (what to dispatch after a restart).
    package func workflowsWithQueuedJobs() throws -> [String] {
        try database().rows(
            """
            SELECT DISTINCT workflow FROM jobs WHERE execution_arn IS NULL AND cancelled_date IS NULL ORDER BY workflow
            """
        ) { $0.text(0) }
    }

    /// Gives a QUEUED job its execution (it is PENDING until the execution is stored). False when the job was
    /// not QUEUED (cancelled meanwhile, or already assigned).
    package func assignJob(id: String, executionArn: String) throws -> Bool {
        try database().run(
            """
            UPDATE jobs SET execution_arn = ? WHERE id = ? AND execution_arn IS NULL AND cancelled_date IS NULL
            """, executionArn, id) > 0
    }

    /// Records why a job's execution could not start; the job is then FAILED.
    package func failJob(id: String, error: String, cause: String) throws {
        try database().run("UPDATE jobs SET start_error = ?, start_cause = ? WHERE id = ?", error, cause, id)
    }

    /// Cancels a QUEUED job. False when the job was not QUEUED.
    /// Records that a running job was asked to stop (a cooperative cancel): once its execution ends SUCCEEDED,
    /// the job reads CANCELLED.
    package func recordCancelRequest(id: String, date: Date) throws {
        try database().run("UPDATE jobs SET cancel_requested_date = ? WHERE id = ? AND cancel_requested_date IS NULL", date.timeIntervalSince1970, id)
    }

    package func cancelQueuedJob(id: String, date: Date) throws -> Bool {
        try database().run(
            """
            UPDATE jobs SET cancelled_date = ? WHERE id = ? AND execution_arn IS NULL AND cancelled_date IS NULL
            """, date.timeIntervalSince1970, id) > 0
    }

    static func job(_ row: SQLiteStatement) -> JobRecord {
        JobRecord(
            id: row.text(0), workflow: row.text(1), stateMachineArn: row.text(2), input: row.text(3),
            createdDate: Date(timeIntervalSince1970: row.double(4)), executionArn: row.optionalText(5),
            status: .init(rawValue: row.text(6)) ?? .failed,
            startDate: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)),
            stopDate: row.optionalDouble(8).map(Date.init(timeIntervalSince1970:)), output: row.optionalText(9),
            error: row.optionalText(10), cause: row.optionalText(11))
    }
}
