import Foundation
import StepwiseSQLite
import Testing

struct SQLiteDatabaseTests {
    static let schema = "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)"

    @Test("One shared database per file, whatever the spelling of its path; writes are transactions")
    func sharedPerFile() async throws {
        let path = try temporaryDatabase()
        let directory = (path as NSString).deletingLastPathComponent
        let database = try SQLiteDatabase.shared(path: path, schema: Self.schema)
        let again = try SQLiteDatabase.shared(path: directory + "/./" + (path as NSString).lastPathComponent, schema: Self.schema)
        #expect(database === again)
        _ = try await database.write { try $0.run("INSERT INTO t VALUES (?)", "a") }
        await #expect(throws: SQLiteError.self) {
            try await database.write { connection in
                try connection.run("INSERT INTO t VALUES (?)", "b")
                try connection.run("INSERT INTO t VALUES (?)", "a")  // a duplicate: the whole write rolls back
            }
        }
        #expect(try await again.read { try $0.rows("SELECT k FROM t ORDER BY k") { $0.text(0) } } == ["a"])
        #expect(try await database.read { try $0.rows("PRAGMA journal_mode") { $0.text(0) } } == ["wal"])
    }
}
