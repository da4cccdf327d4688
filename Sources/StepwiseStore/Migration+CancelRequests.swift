import StepwiseSQLite

extension Migration {
    /// A cooperative cancel (`POST /jobs/{id}/cancel` on a workflow with a `cancel` setting) is recorded on the
    /// job: the job winds down by itself and its execution then ends SUCCEEDED (or ABORTED after the grace
    /// period), and the job shows CANCELLED either way — what the caller of the cancel expects to see.
    static let cancelRequests = Migration(
        name: "v5-cancel-requests",
        sql: """
            ALTER TABLE jobs ADD COLUMN cancel_requested_date REAL;
            DROP VIEW job_status;
            CREATE VIEW job_status AS
            SELECT j.seq, j.id, j.workflow, j.state_machine_arn, j.input, j.created_date, j.execution_arn,
                CASE
                    WHEN j.execution_arn IS NULL AND j.cancelled_date IS NOT NULL THEN 'CANCELLED'
                    WHEN j.start_error IS NOT NULL THEN 'FAILED'
                    WHEN j.execution_arn IS NULL THEN 'QUEUED'
                    WHEN e.status IS NULL THEN 'PENDING'
                    WHEN e.status = 'RUNNING' THEN 'RUNNING'
                    WHEN e.status = 'SUCCEEDED' AND j.cancel_requested_date IS NOT NULL THEN 'CANCELLED'
                    WHEN e.status = 'SUCCEEDED' THEN 'COMPLETED'
                    WHEN e.status = 'ABORTED' THEN 'CANCELLED'
                    ELSE 'FAILED'
                END AS status,
                e.start_date, COALESCE(e.stop_date, j.cancelled_date) AS stop_date, e.output,
                COALESCE(e.error, j.start_error) AS error, COALESCE(e.cause, j.start_cause) AS cause
            FROM jobs j LEFT JOIN executions e ON e.arn = j.execution_arn;
            """)
}
