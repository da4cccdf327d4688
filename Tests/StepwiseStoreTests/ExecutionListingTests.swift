import Foundation
import StepwiseSQLite
import Testing

@testable import StepwiseStore

@Suite("Listing executions across state machines: filters, name prefixes, indexes", .timeLimit(.minutes(1)))
struct ExecutionListingTests {
    @Test("Every filter is a search of an index, LIMITed; a name prefix is a range of a name index")
    func queryPlans() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        let database = try SQLiteConnection(storeAt: path, mode: .readOnly)
        func plan(machine: String? = nil, status: ExecutionRecord.Status? = nil, prefix: String? = nil, after: Bool = false) throws -> [String] {
            var (sql, values) = Store.executionsQuery(
                stateMachineArn: machine, status: status, namePrefix: prefix, after: after ? (1_000, "arn") : nil)
            values.append(101)
            return try database.statement("EXPLAIN QUERY PLAN " + sql).rows(values) { $0.text(3) }
        }
        #expect(try plan() == ["SCAN executions USING INDEX executions_by_start"])
        #expect(try plan(after: true) == ["SEARCH executions USING INDEX executions_by_start ((start_date,arn)<(?,?))"])
        #expect(try plan(status: .failed) == ["SEARCH executions USING INDEX executions_by_status (status=?)"])
        #expect(try plan(machine: "m") == ["SEARCH executions USING INDEX executions_by_machine (state_machine_arn=?)"])
        #expect(
            try plan(machine: "m", status: .failed, after: true) == [
                "SEARCH executions USING INDEX executions_by_machine_status (state_machine_arn=? AND status=? AND (start_date,arn)<(?,?))"
            ])
        #expect(
            try plan(prefix: "job-") == ["SEARCH executions USING INDEX executions_by_bare_name (name>? AND name<?)", "USE TEMP B-TREE FOR ORDER BY"])
        #expect(
            try plan(machine: "m", prefix: "job-") == [
                "SEARCH executions USING INDEX executions_by_name (state_machine_arn=? AND name>? AND name<?)", "USE TEMP B-TREE FOR ORDER BY",
            ])
        let counts = try database.rows("EXPLAIN QUERY PLAN " + Store.executionCountsQuery, "m") { $0.text(3) }
        #expect(counts == ["SEARCH executions USING COVERING INDEX executions_by_machine_status (state_machine_arn=?)"])
        try await store.close()
    }

    @Test("A name prefix keeps exactly the names that start with it, whatever follows, newest first, paged")
    func namePrefix() async throws {
        let store = try await Store(path: try Fixture.path())
        let names = ["job-1", "job-10", "job-2", "jobs", "job", "jo", "Job-3", "job-é", "job-😀", "other"]
        for (index, name) in names.enumerated() { try await store.createExecution(Fixture.execution(name, start: 1_000 + Double(index))) }
        let all = try await store.listExecutions(namePrefix: "job")
        #expect(all.items.map(\.name) == ["job-😀", "job-é", "job", "jobs", "job-2", "job-10", "job-1"])
        #expect(try await store.listExecutions(namePrefix: "job-").items.map(\.name) == ["job-😀", "job-é", "job-2", "job-10", "job-1"])
        #expect(try await store.listExecutions(namePrefix: "job-1").items.map(\.name) == ["job-10", "job-1"])
        #expect(try await store.listExecutions(namePrefix: "").items.count == names.count)
        let first = try await store.listExecutions(namePrefix: "job-", maxResults: 3)
        #expect(first.items.map(\.name) == ["job-😀", "job-é", "job-2"])
        let second = try await store.listExecutions(namePrefix: "job-", maxResults: 3, nextToken: first.nextToken)
        #expect(second.items.map(\.name) == ["job-10", "job-1"])
        #expect(second.nextToken == nil)
        // A token belongs to its query: the same position with another prefix is refused.
        await #expect(throws: StoreError.self) { try await store.listExecutions(namePrefix: "jo", maxResults: 3, nextToken: first.nextToken) }
        try await store.close()
    }

    @Test("Executions are counted by status, per state machine")
    func counts() async throws {
        let store = try await Store(path: try Fixture.path())
        for name in ["a", "b", "c"] { try await store.createExecution(Fixture.execution(name)) }
        try await store.createExecution(Fixture.execution("other", machine: "arn:aws:states:us-east-1:123456789012:stateMachine:Other"))
        try await store.finishExecution(arn: Fixture.execution("a").arn, status: .failed, output: nil, error: "E", cause: nil, stopDate: Date())
        try await store.flush()
        #expect(try await store.executionCounts(stateMachineArn: Fixture.machineArn) == [.running: 2, .failed: 1])
        #expect(try await store.executionCounts(stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:Nothing") == [:])
        try await store.close()
    }
}
