import StepwiseSQLite

extension Migration {
    /// Versions and aliases of state machines (PublishStateMachineVersion, CreateStateMachineAlias), and the
    /// version and alias an execution was started through.
    ///
    /// A version is a number and the revision it froze; its definition and role are that revision's (the foreign
    /// key keeps the revision while the version exists). `last_version` only grows, so a deleted version's number
    /// is never given again, as on AWS. An alias's routing is a JSON array of `{"version", "weight"}`. Both go with
    /// their state machine (`ON DELETE CASCADE`, as DeleteStateMachine deletes them on AWS). Executions keep the
    /// ARNs they were started through; the partial indexes serve ListExecutions by version or alias ARN and cost
    /// nothing for the executions started without one.
    static let versions = Migration(
        name: "v7-versions-and-aliases",
        sql: """
            ALTER TABLE state_machines ADD COLUMN last_version INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE state_machine_versions (
                state_machine_arn TEXT NOT NULL REFERENCES state_machines (arn) ON DELETE CASCADE,
                version INTEGER NOT NULL CHECK (version > 0),
                revision_id TEXT NOT NULL,
                description TEXT,
                created_date REAL NOT NULL,
                PRIMARY KEY (state_machine_arn, version),
                UNIQUE (state_machine_arn, revision_id),
                FOREIGN KEY (state_machine_arn, revision_id)
                    REFERENCES state_machine_revisions (arn, revision_id) ON DELETE CASCADE
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE state_machine_aliases (
                arn TEXT PRIMARY KEY NOT NULL,
                state_machine_arn TEXT NOT NULL REFERENCES state_machines (arn) ON DELETE CASCADE,
                name TEXT NOT NULL,
                description TEXT,
                routing TEXT NOT NULL CHECK (json_valid(routing)),
                created_date REAL NOT NULL,
                updated_date REAL NOT NULL
            ) STRICT;
            CREATE INDEX state_machine_aliases_by_machine ON state_machine_aliases (state_machine_arn, created_date, arn);
            ALTER TABLE executions ADD COLUMN version_arn TEXT;
            ALTER TABLE executions ADD COLUMN alias_arn TEXT;
            CREATE INDEX executions_by_version ON executions (version_arn, start_date, arn) WHERE version_arn IS NOT NULL;
            CREATE INDEX executions_by_alias ON executions (alias_arn, start_date, arn) WHERE alias_arn IS NOT NULL;
            """)
}
