import Foundation
import JSON
import Stepwise
import Testing

@testable import StepwiseStore

/// `Fixtures/legacy-v9.db` was written by the build before history segments (schema v9-configurations, events and
/// step log one row each) with `stepwise run --db`: `hello` (SUCCEEDED), `audit` and `migration` (FAILED) from
/// `workflows/`, and `waiting` (`Fixtures/legacy-waiting.asl.json`), killed with SIGKILL while RUNNING at its Wait.
/// `legacy-v9-NAME.history.json` is what `stepwise history fixture-NAME --json` of that build printed.
@Suite("A database written before history segments")
struct LegacyDatabaseTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let names = ["hello", "audit", "migration", "waiting"]

    static func arn(_ name: String) -> String { "arn:aws:states:us-east-1:123456789012:execution:\(name):fixture-\(name)" }

    /// A copy of the fixture in a temporary directory (the committed file is never written).
    static func copy() throws -> String {
        let path = try Fixture.path("legacy.db")
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("legacy-v9.db").path, toPath: path)
        return path
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent("legacy-v9-\(name).history.json"), encoding: .utf8)
            .trimmingCharacters(in: .newlines)
    }

    static func document(_ events: [JSON]) -> String { JSON.object(["events": .array(events)]).serialized(.pretty) }

    @Test("It migrates and every history reads byte for byte as the old build printed it, in pages both ways")
    func historiesReadAsBefore() async throws {
        let path = try Self.copy()
        let store = try await Store(path: path)
        #expect(try await store.appliedMigrations().last == "v10-history-segments")
        for name in Self.names {
            #expect(Self.document(try await store.allEvents(arn: Self.arn(name))) == (try Self.expected(name)), "\(name)")
            let rows = try await store.history(arn: Self.arn(name), maxResults: 1000).items
            #expect(EventRow.jsonArray(rows) == JSON.array(rows.map { $0.json() }).serializedBytes(), "\(name)")
        }
        var reversed: [Int] = []
        var token: String?
        repeat {
            let page = try await store.history(arn: Self.arn("waiting"), maxResults: 7, reverseOrder: true, nextToken: token)
            reversed += page.items.map(\.id)
            token = page.nextToken
        } while token != nil
        #expect(reversed == Array((1...64).reversed()))
        #expect(try await store.stepLog(arn: Self.arn("waiting")).map(\.seq) == [1])
        try await store.close()
    }

    @Test("The RUNNING execution resumes to completion: the new events follow the old rows in one history")
    func runningExecutionResumes() async throws {
        let path = try Self.copy()
        let durable = DurableRuntime(store: try await Store(path: path), runtime: Runtime(), resumeInterval: nil) { _ in }
        let resumed = try await durable.resumeAll()
        #expect(resumed.map(\.name) == ["fixture-waiting"])
        let result = try #require(await resumed.first?.result)
        #expect(result.status == .succeeded)
        #expect(result.output == "resumed")
        await durable.sync()
        let events = try await durable.store.allEvents(arn: Self.arn("waiting"))
        let before = try JSON(parsing: try Self.expected("waiting"))["events"]?.arrayValue ?? []
        #expect(Array(events.prefix(64)) == before)
        #expect(
            events.dropFirst(64).map { $0["type"]?.stringValue ?? "" } == [
                "WaitStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded",
            ])
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...68))
        #expect(try await durable.store.stepLog(arn: Self.arn("waiting")).map(\.seq) == [1, 2])
        try await durable.close()
        // And a reader of the closed file sees the same.
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.allEvents(arn: Self.arn("waiting")) == events)
        try await reader.close()
    }

    @Test("A FAILED execution of the old build is redriven: its new events follow the old rows")
    func failedExecutionRedrives() async throws {
        let path = try Self.copy()
        let durable = DurableRuntime(store: try await Store(path: path), runtime: Runtime(), resumeInterval: nil) { _ in }
        _ = try await durable.resumeAll()
        let (execution, _) = try await durable.redrive(arn: Self.arn("audit"))
        #expect(await execution.result.status == .failed)  // the same input fails the same way
        await durable.sync()
        let events = try await durable.store.allEvents(arn: Self.arn("audit"))
        let before = try JSON(parsing: try Self.expected("audit"))["events"]?.arrayValue ?? []
        #expect(Array(events.prefix(before.count)) == before)
        #expect(events.dropFirst(before.count).first?["type"] == "ExecutionRedriven")
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(try await durable.store.execution(arn: Self.arn("audit"))?.redriveCount == 1)
        try await durable.close()
    }
}
