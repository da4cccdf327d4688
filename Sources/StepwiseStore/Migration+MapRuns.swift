import StepwiseSQLite

extension Migration {
    /// Map Runs of Distributed Maps and their STANDARD child executions (DescribeMapRun, ListMapRuns,
    /// ListExecutions by mapRunArn, DescribeExecution and GetExecutionHistory of a child).
    ///
    /// Children live apart from `executions`: they are not resumed on their own (their parent's replay carries
    /// them) and are not listed under a state machine. Their history events go to `events` under their own ARN.
    /// One index only (by run and start): every commit of a busy Map Run writes the pages each index touches.
    /// Counts are JSON objects in AWS's `MapRunItemCounts` shape. Deleting a parent execution (retention) deletes
    /// its Map Runs, its children and their events.
    static let mapRuns = Migration(
        name: "v4-map-runs",
        sql: """
            CREATE TABLE map_runs (
                arn TEXT PRIMARY KEY NOT NULL,
                execution_arn TEXT NOT NULL,
                state_machine_arn TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED')),
                start_date REAL NOT NULL,
                stop_date REAL,
                max_concurrency INTEGER NOT NULL,
                tolerated_failure_percentage REAL NOT NULL,
                tolerated_failure_count INTEGER NOT NULL,
                item_counts TEXT NOT NULL CHECK (json_valid(item_counts)),
                execution_counts TEXT NOT NULL CHECK (json_valid(execution_counts)),
                redrive_count INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX map_runs_by_execution ON map_runs (execution_arn, start_date, arn);
            CREATE TABLE map_run_executions (
                arn TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                map_run_arn TEXT NOT NULL,
                state_machine_arn TEXT NOT NULL,
                parent_arn TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED')),
                input TEXT NOT NULL,
                output TEXT,
                error TEXT,
                cause TEXT,
                start_date REAL NOT NULL,
                stop_date REAL,
                event_count INTEGER NOT NULL DEFAULT 0
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX map_run_executions_by_run ON map_run_executions (map_run_arn, start_date);
            CREATE TRIGGER map_runs_go_with_their_execution AFTER DELETE ON executions BEGIN
                DELETE FROM events WHERE execution_arn IN (
                    SELECT c.arn FROM map_runs r JOIN map_run_executions c ON c.map_run_arn = r.arn WHERE r.execution_arn = old.arn);
                DELETE FROM map_run_executions WHERE map_run_arn IN (SELECT arn FROM map_runs WHERE execution_arn = old.arn);
                DELETE FROM map_runs WHERE execution_arn = old.arn;
            END;
            """)
}
