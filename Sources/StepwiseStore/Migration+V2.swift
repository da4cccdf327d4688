import StepwiseSQLite

extension Migration {
    /// Jobs of the REST API (`POST /{workflow}/jobs`): one row per job, kept after its execution starts so
    /// `GET /jobs` lists it. A job over its workflow's concurrency limit waits here with no execution yet
    /// (QUEUED), which is how the queue survives a restart; `seq` orders jobs, first come first started.
    /// The `job_status` view derives each job's status from its row and its execution's.
    static let v2 = Migration(
        name: "v2",
        sql: """
            CREATE TABLE jobs (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                workflow TEXT NOT NULL,
                state_machine_arn TEXT NOT NULL,
                input TEXT NOT NULL,
                created_date REAL NOT NULL,
                execution_arn TEXT,
                cancelled_date REAL,
                start_error TEXT,
                start_cause TEXT
            ) STRICT;
            CREATE INDEX jobs_queued ON jobs (workflow, seq) WHERE execution_arn IS NULL AND cancelled_date IS NULL;
            CREATE INDEX jobs_by_workflow ON jobs (workflow, seq);
            CREATE VIEW job_status AS
            SELECT j.seq, j.id, j.workflow, j.state_machine_arn, j.input, j.created_date, j.execution_arn,
                CASE
                    WHEN j.execution_arn IS NULL AND j.cancelled_date IS NOT NULL THEN 'CANCELLED'
                    WHEN j.start_error IS NOT NULL THEN 'FAILED'
                    WHEN j.execution_arn IS NULL THEN 'QUEUED'
                    WHEN e.status IS NULL THEN 'PENDING'
                    WHEN e.status = 'RUNNING' THEN 'RUNNING'
                    WHEN e.status = 'SUCCEEDED' THEN 'COMPLETED'
                    WHEN e.status = 'ABORTED' THEN 'CANCELLED'
                    ELSE 'FAILED'
                END AS status,
                e.start_date, COALESCE(e.stop_date, j.cancelled_date) AS stop_date, e.output,
                COALESCE(e.error, j.start_error) AS error, COALESCE(e.cause, j.start_cause) AS cause
            FROM jobs j LEFT JOIN executions e ON e.arn = j.execution_arn;
            """)
}
