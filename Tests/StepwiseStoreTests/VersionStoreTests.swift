import Foundation
import StepwiseSQLite
import Testing

@testable import StepwiseStore

@Suite("Versions and aliases in the store", .timeLimit(.minutes(1)))
struct VersionStoreTests {
    static func request(limit: Int = 1_000, expects: (@Sendable (String) -> Bool)? = nil) -> VersionRequest {
        VersionRequest(description: nil, date: Date(timeIntervalSince1970: 2_000), limit: limit, expectsRevision: expects)
    }

    @Test("A database from before versions gains them when opened: its state machines and executions stay, started through no version")
    func upgrade() async throws {
        let path = try Fixture.path()
        let machine = Fixture.machine()
        let execution = Fixture.execution("before")
        try Self.writeOldDatabase(at: path, machine: machine, execution: execution)
        let store = try await Store(path: path)
        #expect(try await store.appliedMigrations() == Migration.all.map(\.name))
        #expect(try await store.stateMachine(arn: machine.arn) == machine)
        #expect(try await store.execution(arn: execution.arn) == execution)
        let published = try await store.publishVersion(arn: machine.arn, Self.request())
        #expect(published.version?.arn == "\(machine.arn):1")
        #expect(published.version?.definition == machine.definition)
        try await store.close()
    }

    @Test(
        "Publishing answers the existing version of a revision, refuses an unexpected revision and stops at the limit; an update over the limit changes nothing"
    )
    func publishRules() async throws {
        let store = try await Store(path: try Fixture.path())
        let machine = Fixture.machine()
        try await store.createStateMachine(machine)
        let first = try await store.publishVersion(arn: machine.arn, Self.request(limit: 2))
        #expect(
            first
                == .published(
                    StateMachineVersionRecord(
                        stateMachineArn: machine.arn, number: 1, revisionId: "r1", definition: Fixture.definition, roleArn: machine.roleArn,
                        description: nil,
                        creationDate: Date(timeIntervalSince1970: 2_000))))
        #expect(try await store.publishVersion(arn: machine.arn, Self.request(limit: 2)) == .existing(first.version!))
        #expect(try await store.publishVersion(arn: machine.arn, Self.request(expects: { $0 == "r0" })) == .staleRevision(current: "r1"))
        let update = { (definition: String, revision: String) in
            try await store.updateStateMachine(
                arn: machine.arn, definition: definition, roleArn: nil, newRevisionId: revision, date: Date(), publish: Self.request(limit: 2))
        }
        #expect(try await update(#"{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}"#, "r2").publish?.version?.number == 2)
        let refused = try await update(#"{"StartAt":"C","States":{"C":{"Type":"Pass","End":true}}}"#, "r3")
        #expect(refused.publish == .limitReached)
        #expect(refused.machine.revisionId == "r2")
        #expect(try await store.stateMachine(arn: machine.arn)?.revisionId == "r2")
        #expect(try await store.stateMachineRevision(arn: machine.arn, revisionId: "r3") == nil)
        try await store.close()
    }

    @Test("Listing executions by version or alias searches its partial index")
    func listingsUseTheirIndexes() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        for (column, index) in [("version_arn", "executions_by_version"), ("alias_arn", "executions_by_alias")] {
            let sql = "SELECT \(Store.summaryColumns) FROM executions WHERE \(column) = ? ORDER BY start_date DESC, arn DESC LIMIT ?"
            let plan = try database.rows("EXPLAIN QUERY PLAN " + sql, "a", 10) { $0.text(3) }
            #expect(plan == ["SEARCH executions USING INDEX \(index) (\(column)=?)"])
        }
        try await store.close()
    }

    /// A database with every migration before versions, holding `machine` and `execution` (the connection closes
    /// when it goes out of scope).
    static func writeOldDatabase(at path: String, machine: StateMachineRecord, execution: ExecutionRecord) throws {
        let old = try SQLiteConnection(storeAt: path, mode: .readWrite)
        try old.migrate(Array(Migration.all.prefix { $0.name != Migration.versions.name }))
        try old.run(
            """
            INSERT INTO state_machines (name, arn, definition, type, role_arn, revision_id, created_date) VALUES (?, ?, ?, 'STANDARD', ?, ?, ?)
            """, machine.name, machine.arn, machine.definition, machine.roleArn, machine.revisionId, machine.creationDate.timeIntervalSince1970)
        try old.run(
            "INSERT INTO state_machine_revisions (arn, revision_id, definition, role_arn, created_date) VALUES (?, ?, ?, ?, ?)", machine.arn,
            machine.revisionId, machine.definition, machine.roleArn, machine.creationDate.timeIntervalSince1970)
        try old.run(
            """
            INSERT INTO executions (arn, name, state_machine_arn, revision_id, definition, status, input, start_date, seed)
            VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)
            """, execution.arn, execution.name, execution.stateMachineArn, execution.revisionId, execution.definition, execution.input,
            execution.startDate.timeIntervalSince1970, Int(execution.seed))
    }
}
