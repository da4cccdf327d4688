import StepwiseSQLite

extension Migration {
    /// Name lookups at constant cost: `(state_machine_arn, name)` alone let SQLite prefer walking a machine's
    /// executions newest first to satisfy `ORDER BY start_date DESC LIMIT 1`, reading every row for a name never
    /// used (a StartExecution with a new name got slower with every execution stored). Ending both name indexes
    /// with `start_date` answers the lookup, ordered, from the index alone.
    static let nameIndexes = Migration(
        name: "v6-name-indexes",
        sql: """
            DROP INDEX executions_by_name;
            CREATE INDEX executions_by_name ON executions (state_machine_arn, name, start_date);
            CREATE INDEX executions_by_bare_name ON executions (name, start_date);
            """)
}
