import StepwiseSQLite

extension Migration {
    /// The first schema: state machines and their revisions, executions, history events and the replay log.
    ///
    /// Dates are REAL epoch seconds. `definition` on an execution is the exact text it runs, so resuming never
    /// depends on the state machine still existing. Events and the step log are keyed by (execution, number)
    /// WITHOUT ROWID, so an execution's log is stored contiguously in key order.
    static let v1 = Migration(
        name: "v1",
        sql: """
            PRAGMA application_id = \(applicationID);
            CREATE TABLE state_machines (
                name TEXT PRIMARY KEY NOT NULL,
                arn TEXT NOT NULL UNIQUE,
                definition TEXT NOT NULL,
                type TEXT NOT NULL CHECK (type IN ('STANDARD', 'EXPRESS')),
                role_arn TEXT NOT NULL,
                revision_id TEXT NOT NULL,
                created_date REAL NOT NULL,
                updated_date REAL,
                status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETING')),
                tags TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(tags))
            ) STRICT;
            CREATE TABLE state_machine_revisions (
                arn TEXT NOT NULL REFERENCES state_machines (arn) ON DELETE CASCADE,
                revision_id TEXT NOT NULL,
                definition TEXT NOT NULL,
                role_arn TEXT NOT NULL,
                created_date REAL NOT NULL,
                PRIMARY KEY (arn, revision_id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE executions (
                arn TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                state_machine_arn TEXT NOT NULL,
                revision_id TEXT,
                definition TEXT NOT NULL,
                status TEXT NOT NULL
                    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE')),
                input TEXT NOT NULL,
                output TEXT,
                error TEXT,
                cause TEXT,
                start_date REAL NOT NULL,
                stop_date REAL,
                parent_arn TEXT,
                seed INTEGER NOT NULL,
                virtual_time INTEGER NOT NULL DEFAULT 0 CHECK (virtual_time IN (0, 1)),
                event_count INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            CREATE INDEX executions_by_machine ON executions (state_machine_arn, start_date, arn);
            CREATE INDEX executions_by_machine_status ON executions (state_machine_arn, status, start_date, arn);
            CREATE INDEX executions_by_name ON executions (state_machine_arn, name);
            CREATE INDEX executions_by_start ON executions (start_date, arn);
            CREATE INDEX executions_by_status ON executions (status, start_date, arn);
            CREATE INDEX executions_by_parent ON executions (parent_arn) WHERE parent_arn IS NOT NULL;
            CREATE INDEX executions_stopped ON executions (stop_date) WHERE stop_date IS NOT NULL;
            CREATE TABLE events (
                execution_arn TEXT NOT NULL,
                id INTEGER NOT NULL,
                type TEXT NOT NULL,
                timestamp REAL NOT NULL,
                previous_event_id INTEGER NOT NULL,
                details TEXT,
                PRIMARY KEY (execution_arn, id)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE step_log (
                execution_arn TEXT NOT NULL,
                seq INTEGER NOT NULL,
                timestamp REAL NOT NULL,
                input TEXT NOT NULL,
                PRIMARY KEY (execution_arn, seq)
            ) STRICT, WITHOUT ROWID;
            """)
}
