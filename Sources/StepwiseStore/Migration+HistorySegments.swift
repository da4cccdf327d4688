import StepwiseSQLite

extension Migration {
    /// The log-structured history: each group commit appends one row per execution (more for a commit of more than
    /// a few hundred events), holding that commit's steps and history events in ``LogEncoder``'s compact encoding.
    ///
    /// Keyed by (execution, last event id, last step): both only grow, so key order is log order, and a page of
    /// history finds the segments that overlap its ids by the key alone. `first_event_id` is `last_event_id + 1`
    /// for a segment without events. Rows written by earlier builds stay in `events` and `step_log` (and Map Run
    /// children's events are still written there) and are read beside the segments: nothing is converted, so the
    /// migration is instant on any database.
    static let historySegments = Migration(
        name: "v10-history-segments",
        sql: """
            CREATE TABLE history_segments (
                execution_arn TEXT NOT NULL,
                last_event_id INTEGER NOT NULL,
                last_seq INTEGER NOT NULL,
                first_event_id INTEGER NOT NULL,
                body BLOB NOT NULL,
                PRIMARY KEY (execution_arn, last_event_id, last_seq)
            ) STRICT, WITHOUT ROWID;
            """)
}
