import Foundation
import StepwiseSQLite
import StepwiseTesting
import Testing

@testable import StepwiseStore

@Suite("Bad database files", .timeLimit(.minutes(3)))
struct BadFileTests {
    /// Expects opening `path` to fail with `kind`, leaving the file's bytes as they were.
    func expectRefused(_ path: String, _ kind: StoreError.Kind, options: Store.Options = Store.Options()) async throws {
        let before = try Fixture.bytes(path)
        await #expect { try await Store(path: path, options: options) } throws: { ($0 as? StoreError)?.kind == kind }
        #expect(try Fixture.bytes(path) == before)
    }

    /// Makes a database with another application's SQL.
    func foreignDatabase(_ sql: String) throws -> String {
        let path = try Fixture.path("other.sqlite")
        try SQLiteConnection(storeAt: path, mode: .readWrite).execute(sql)
        return path
    }

    @Test("A file that is not SQLite is refused as notADatabase and left untouched")
    func corrupt() async throws {
        let path = try Fixture.path()
        try Data(String(repeating: "definitely not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        try await expectRefused(path, .notADatabase)
        try await expectRefused(path, .notADatabase, options: Store.Options(readOnly: true))
    }

    @Test(
        "Another application's SQLite database is refused as foreign and left untouched",
        arguments: ["PRAGMA user_version = 7", "CREATE TABLE users (id INTEGER PRIMARY KEY); INSERT INTO users VALUES (1)"])
    func foreign(sql: String) async throws {
        try await expectRefused(try foreignDatabase(sql), .foreignDatabase)
    }

    @Test("A database with a migration this build does not know is refused as newerSchema and left untouched")
    func newerSchema() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        try SQLiteConnection(storeAt: path, mode: .readWrite).execute(
            "INSERT INTO migrations (position, name, applied_date) VALUES (\(Migration.all.count + 1), 'from-the-future', 0)")
        try await expectRefused(path, .newerSchema)
        try await expectRefused(path, .newerSchema, options: Store.Options(readOnly: true))
    }

    @Test("An empty file is a new database")
    func emptyFile() async throws {
        let path = try Fixture.path()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try await Store(path: path)
        #expect(try await store.appliedMigrations() == Migration.all.map(\.name))
    }

    @Test("A store opened read-only reads everything and refuses writes as readOnly")
    func readOnlyMode() async throws {
        let path = try Fixture.path()
        let writer = try await Store(path: path)
        try await writer.createStateMachine(Fixture.machine())
        try await writer.close()
        let before = try Fixture.bytes(path)
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.stateMachine(arn: Fixture.machineArn) == Fixture.machine())
        await #expect { try await reader.createStateMachine(Fixture.machine("Other")) } throws: {
            ($0 as? StoreError)?.kind == .readOnly
        }
        try await reader.close()
        #expect(try Fixture.bytes(path) == before)
    }

    @Test(
        "A read-only file is refused for writing as readOnly but can be opened read-only",
        .enabled(if: TestSupport.canMakeReadOnly))
    func readOnlyFile() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        try TestSupport.makeReadOnly(path)
        defer { TestSupport.makeWritable(path) }
        try await expectRefused(path, .readOnly)
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.listStateMachines().items.isEmpty)
        try await reader.close()
    }

    @Test("A full disk fails the commit with diskFull and loses nothing already committed")
    func diskFull() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let pages = try Fixture.count("PRAGMA page_count", at: path)
        let store = try await Store(path: path, options: Store.Options(commitInterval: .seconds(60), maxPageCount: pages + 12))
        let execution = Fixture.execution("e1")
        try await store.createExecution(execution)
        try await Fixture.appendSteps(store, arn: execution.arn, steps: 2, eventsPerStep: 2)
        try await store.flush()
        let big = String(repeating: "x", count: 8_000)
        for seq in 3...40 {
            let event = EventRow(
                id: seq + 2, type: "PassStateExited", timestamp: 0, previousEventId: seq + 1,
                details: #"{"stateExitedEventDetails":{"output":"\#(big)"}}"#)
            try await store.append(arn: execution.arn, step: StepRow(seq: seq, timestamp: 0, input: "{}"), events: [event])
        }
        await #expect { try await store.flush() } throws: { ($0 as? StoreError)?.kind == .diskFull }
        await #expect { try await store.append(arn: execution.arn, step: StepRow(seq: 41, timestamp: 0, input: "{}"), events: []) } throws: {
            ($0 as? StoreError)?.kind == .diskFull
        }
        _ = try? await store.close()
        let reopened = try await Store(path: path)
        #expect(try await reopened.history(arn: execution.arn).items == Fixture.events(1...4))
        #expect(try await reopened.stepLog(arn: execution.arn).count == 2)
        #expect(try Fixture.count("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", at: path) == 0)
    }
}
