import StepwiseSQLite

extension Migration {
    /// RedriveExecution: how many times an execution was redriven and when last (DescribeExecution,
    /// ListExecutions and its `redriveFilter`), and the client token of its last redrive (idempotency); the same
    /// for Map Runs and their STANDARD child executions, which a redrive of their parent runs again.
    static let redrive = Migration(
        name: "v8-redrive",
        sql: """
            ALTER TABLE executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE executions ADD COLUMN redrive_date REAL;
            ALTER TABLE executions ADD COLUMN redrive_token TEXT;
            ALTER TABLE map_runs ADD COLUMN redrive_date REAL;
            ALTER TABLE map_run_executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE map_run_executions ADD COLUMN redrive_date REAL;
            """)
}
