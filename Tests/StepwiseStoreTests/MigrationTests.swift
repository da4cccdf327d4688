import Foundation
import StepwiseSQLite
import Testing

@testable import StepwiseStore

@Suite("Migrations", .timeLimit(.minutes(3)))
struct MigrationTests {
    @Test("A new database gets every migration applied once and recorded in order")
    func appliedOnce() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        #expect(try await store.appliedMigrations() == Migration.all.map(\.name))
        try await store.close()
        let reopened = try await Store(path: path)
        #expect(try await reopened.appliedMigrations() == Migration.all.map(\.name))
        try await reopened.close()
        #expect(try Fixture.count("SELECT count(*) FROM migrations", at: path) == Migration.all.count)
    }

    @Test("Name lookups search their index, ordered, instead of walking executions by date")
    func nameLookupsUseTheirIndexes() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        let plan = { (sql: String) in try database.rows("EXPLAIN QUERY PLAN " + sql, "a", "b") { $0.text(3) } }
        #expect(try plan(Store.executionByName) == ["SEARCH executions USING INDEX executions_by_name (state_machine_arn=? AND name=?)"])
        let bare = { (sql: String) in try database.rows("EXPLAIN QUERY PLAN " + sql, "a") { $0.text(3) } }
        #expect(try bare(Store.executionByBareName) == ["SEARCH executions USING INDEX executions_by_bare_name (name=?)"])
        try await store.close()
    }

    @Test("The schema uses WAL and marks the file as a Stepwise database")
    func walAndApplicationID() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        #expect(try Fixture.count("PRAGMA application_id", at: path) == Int(Migration.applicationID))
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        #expect(try database.rows("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
        try await store.close()
    }

    @Test("Reopening a database keeps its state machines, executions and logs")
    func reopenKeepsData() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        try await store.createStateMachine(Fixture.machine())
        let execution = Fixture.execution("e1")
        try await store.createExecution(execution)
        try await Fixture.appendSteps(store, arn: execution.arn, steps: 3, eventsPerStep: 2)
        try await store.close()

        let reopened = try await Store(path: path)
        #expect(try await reopened.stateMachine(arn: Fixture.machineArn) == Fixture.machine())
        var expected = execution
        expected.eventCount = 6
        #expect(try await reopened.execution(arn: execution.arn) == expected)
        #expect(try await reopened.stepLog(arn: execution.arn).map(\.seq) == [1, 2, 3])
        #expect(try await reopened.history(arn: execution.arn).items == Fixture.events(1...6))
        try await reopened.close()
    }

    @Test("A closed store refuses further calls")
    func closed() async throws {
        let store = try await Store(path: try Fixture.path())
        try await store.close()
        await #expect { try await store.stateMachine(arn: Fixture.machineArn) } throws: {
            ($0 as? StoreError)?.kind == .closed
        }
    }
}
