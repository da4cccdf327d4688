import StepwiseSQLite

extension Migration {
    /// Activities (CreateActivity) and task callbacks (SendTaskSuccess/Failure) that must survive a restart.
    ///
    /// A callback is written before it is acknowledged; a task re-dispatched after a restart finds its outcome
    /// here by token (`<executionArn>#<taskId>`) instead of waiting for a callback that already came. Callbacks
    /// go with their execution (`ON DELETE CASCADE`).
    static let v3 = Migration(
        name: "v3",
        sql: """
            CREATE TABLE activities (
                arn TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL UNIQUE,
                created_date REAL NOT NULL,
                tags TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(tags))
            ) STRICT;
            CREATE TABLE task_callbacks (
                token TEXT PRIMARY KEY NOT NULL,
                execution_arn TEXT NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                outcome TEXT NOT NULL CHECK (json_valid(outcome)),
                created_date REAL NOT NULL
            ) STRICT;
            CREATE INDEX task_callbacks_by_execution ON task_callbacks (execution_arn);
            """)
}
