import StepwiseSQLite
import Testing

struct MigrationTests {
    let first = Migration(name: "first", sql: "CREATE TABLE a (k INTEGER)")
    let second = Migration(name: "second", sql: "CREATE TABLE b (k INTEGER)")

    @Test("Migrations apply once, in order, each recorded by name; running them again changes nothing")
    func appliesInOrder() throws {
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        #expect(try connection.appliedMigrations() == [])
        try connection.migrate([first])
        try connection.migrate([first, second])
        try connection.migrate([first, second])
        #expect(try connection.appliedMigrations() == ["first", "second"])
        #expect(try connection.int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('a', 'b')") == 2)
    }

    @Test("A failing migration leaves no trace: not even the migrations table")
    func failingMigrationRollsBack() throws {
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        #expect(throws: SQLiteError.self) { try connection.migrate([first, Migration(name: "broken", sql: "CREATE TABLE (")]) }
        #expect(try connection.int("SELECT count(*) FROM sqlite_schema") == 0)
    }

    @Test("A migration this build does not know is a newer schema; known ones out of order are not ours")
    func incompatibleHistories() throws {
        let path = try temporaryDatabase()
        let connection = try SQLiteConnection(path: path)
        try connection.migrate([first, second])
        let newer = #expect(throws: SQLiteError.self) { try connection.migrate([first]) }
        #expect(newer?.schemaProblem == .newer)
        #expect(newer?.message == "\(path) was written by a newer Stepwise (migration 'second' is unknown)")
        let reordered = #expect(throws: SQLiteError.self) { try connection.migrate([second, first]) }
        #expect(reordered?.schemaProblem == .outOfOrder)
        #expect(reordered?.message == "\(path) records migrations [\"first\", \"second\"] out of the expected order [\"second\", \"first\"]")
    }
}
