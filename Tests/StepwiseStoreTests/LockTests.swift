import Foundation
import StepwiseSQLite
import StepwiseTesting
import Testing

@testable import StepwiseStore

@Suite("One writer per database", .timeLimit(.minutes(3)))
struct LockTests {
    @Test("A second writer is refused as inUse, naming the holder's pid; readers are not; closing releases the lock")
    func secondWriterRefused() async throws {
        let path = try Fixture.path()
        let first = try await Store(path: path)
        await #expect { try await Store(path: path) } throws: { error in
            let error = error as? StoreError
            return error?.kind == .inUse && error?.message == "database \(path) is in use by another stepwise process (pid \(getpid()))"
        }
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.appliedMigrations() == Migration.all.map(\.name))
        try await reader.close()
        try await first.close()
        let second = try await Store(path: path)
        try await second.close()
    }

    @Test("Writers opening a new file at once either create it whole or are refused as inUse, never see it half-made")
    func concurrentCreation() async throws {
        let path = try Fixture.path()
        let kinds = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        let store = try await Store(path: path)
                        try await Task.sleep(for: .milliseconds(20))
                        try await store.close()
                        return "opened"
                    } catch {
                        return (error as? StoreError)?.kind.rawValue ?? "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(kinds.contains("opened"))
        #expect(kinds.allSatisfy { $0 == "opened" || $0 == "inUse" }, "\(kinds)")
        #expect(try Fixture.count("SELECT count(*) FROM migrations", at: path) == Migration.all.count)
    }

    @Test("A database whose creation fails part-way is left with no schema at all, and opens as new afterwards")
    func creationIsAtomic() async throws {
        let path = try Fixture.path()
        let database = try SQLiteConnection(storeAt: path, mode: .readWrite)
        try database.configureForWriting(Store.Options())
        let broken = Migration(name: "broken", sql: "CREATE TABLE oops (")
        #expect(throws: StoreError.self) { try database.migrate([.v1, broken]) }
        #expect(try database.int("SELECT count(*) FROM sqlite_schema") == 0)
        #expect(try database.int("PRAGMA application_id") == 0)
        let store = try await Store(path: path)
        #expect(try await store.appliedMigrations() == Migration.all.map(\.name))
        try await store.close()
    }

    @Test(
        "A database in a read-only directory is refused for writing as readOnly, and can still be read",
        .enabled(if: TestSupport.canMakeReadOnly))
    func readOnlyDirectory() async throws {
        let path = try Fixture.path()
        let writer = try await Store(path: path)
        try await writer.createStateMachine(Fixture.machine())
        try await writer.close()
        let directory = (path as NSString).deletingLastPathComponent
        try TestSupport.makeReadOnly(directory, mode: 0o555)
        defer { TestSupport.makeWritable(directory, mode: 0o755) }
        await #expect { try await Store(path: path) } throws: { error in
            let error = error as? StoreError
            return error?.kind == .readOnly && error?.message == "\(path) is read-only (its directory \(directory) cannot be written)"
        }
        let reader = try await Store(path: path, options: Store.Options(readOnly: true))
        #expect(try await reader.stateMachine(arn: Fixture.machineArn) == Fixture.machine())
        try await reader.close()
    }
}
