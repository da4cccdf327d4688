import StepwiseSQLite

extension Migration {
    /// The logging, tracing and encryption configurations of state machines (CreateStateMachine,
    /// UpdateStateMachine) and the encryption configuration of activities (CreateActivity).
    ///
    /// A state machine's configurations are part of its revision, as on AWS: changing one is a new revision, and a
    /// version freezes the configurations of the revision it publishes. Each is a JSON object of the members AWS
    /// answers (`{"loggingConfiguration": …, "tracingConfiguration": …, "encryptionConfiguration": …}`, absent
    /// members absent); existing rows get `{}`, which reads as AWS's defaults. Executions keep the X-Ray
    /// `traceHeader` they were started with (DescribeExecution answers it).
    static let configurations = Migration(
        name: "v9-configurations",
        sql: """
            ALTER TABLE state_machines ADD COLUMN configuration TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(configuration));
            ALTER TABLE state_machine_revisions ADD COLUMN configuration TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(configuration));
            ALTER TABLE activities ADD COLUMN encryption TEXT CHECK (encryption IS NULL OR json_valid(encryption));
            ALTER TABLE executions ADD COLUMN trace_header TEXT;
            """)
}
