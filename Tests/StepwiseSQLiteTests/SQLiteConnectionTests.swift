import Foundation
import StepwiseSQLite
import Testing

/// A fresh database file in its own temporary directory.
func temporaryDatabase(_ name: String = "test.sqlite") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-sqlite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name).path
}

/// An owner's own error type, to check that a connection's mapping reaches every failure.
struct OwnerError: Error, Equatable {
    let code: Int32
    let message: String
}

struct SQLiteConnectionTests {
    @Test("Values bind and read back as they were: empty text and blobs are not NULL, text keeps NUL bytes, nil is NULL")
    func bindsAndReads() throws {
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        try connection.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, f INTEGER)")
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", 42, 2.5, "é\u{0}x", [UInt8](), true)
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", nil, nil, "", [1, 2, 255] as [UInt8], false)
        let rows = try connection.rows("SELECT i, r, s, b, f, typeof(s), typeof(b) FROM t ORDER BY rowid") { row in
            [
                row.isNull(0) ? "NULL" : "\(row.int(0))", row.optionalDouble(1).map { "\($0)" } ?? "NULL", row.text(2).debugDescription,
                "\(row.blob(3))", "\(row.int(4))", row.text(5), row.text(6),
            ]
        }
        #expect(rows[0] == ["42", "2.5", "\"é\\0x\"", "[]", "1", "text", "blob"])
        #expect(rows[1] == ["NULL", "NULL", "\"\"", "[1, 2, 255]", "0", "text", "blob"])
        #expect(try connection.int("SELECT count(*) FROM t WHERE s = ?", "") == 1)
        #expect(try connection.int("SELECT i FROM t WHERE s = ?", "nothing") == nil)
    }

    @Test("run answers the rows it changed, and a cached statement runs again with new values")
    func runCountsChanges() throws {
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        try connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)")
        for key in ["a", "b", "c"] { try connection.run("INSERT INTO t VALUES (?, ?)", key, 1) }
        #expect(try connection.run("UPDATE t SET v = v + 1 WHERE k <> ?", "a") == 2)
        #expect(try connection.run("DELETE FROM t WHERE k = ?", "zzz") == 0)
        #expect(try connection.rows("SELECT k, v FROM t ORDER BY k") { "\($0.text(0))=\($0.int(1))" } == ["a=1", "b=2", "c=2"])
    }

    @Test("A failure carries SQLite's extended code, its message and the SQL; a duplicate key is told from a CHECK")
    func failures() throws {
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        try connection.execute("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER CHECK (n > 0))")
        try connection.run("INSERT INTO t VALUES (?, ?)", "a", 1)
        let insert = "INSERT INTO t VALUES (?, ?)"
        let duplicate = #expect(throws: SQLiteError.self) { try connection.run(insert, "a", 2) }
        #expect(duplicate?.isDuplicate == true)
        #expect(duplicate?.message == "UNIQUE constraint failed: t.k")
        #expect(duplicate?.sql == insert)
        #expect(duplicate.map { SQLiteResultCode($0.code).primary } == .constraint)
        let check = #expect(throws: SQLiteError.self) { try connection.run(insert, "b", 0) }
        #expect(check?.isDuplicate == false)
        #expect(check?.message == "CHECK constraint failed: n > 0")
        let syntax = #expect(throws: SQLiteError.self) { try connection.execute("SELEC 1") }
        #expect(syntax?.description == "SQLite error 1: near \"SELEC\": syntax error in: SELEC 1")
    }

    @Test("The owner's mapping turns every failure into its own error: opening, preparing, stepping")
    func errorMapping() throws {
        let map: SQLiteConnection.ErrorMapping = { OwnerError(code: $0.code, message: $0.message) }
        let path = try temporaryDatabase()
        let directory = (path as NSString).deletingLastPathComponent
        let opening = #expect(throws: OwnerError.self) { try SQLiteConnection(path: directory, mode: .readWrite, errors: map) }
        #expect(opening?.message.hasPrefix("cannot open \(directory): ") == true)
        #expect(opening.map { SQLiteResultCode($0.code).primary } == .cannotOpen)
        let connection = try SQLiteConnection(path: path, errors: map)
        #expect(throws: OwnerError(code: 1, message: "no such table: missing")) { try connection.statement("SELECT * FROM missing") }
        try connection.execute("CREATE TABLE t (k INTEGER PRIMARY KEY)")
        try connection.run("INSERT INTO t VALUES (1)")
        let stepping = #expect(throws: OwnerError.self) { try connection.run("INSERT INTO t VALUES (1)") }
        #expect(stepping.map { SQLiteResultCode($0.code).isDuplicate } == true)
    }

    @Test("A transaction commits when its body returns and rolls back everything when it throws")
    func transactions() throws {
        struct Abort: Error {}
        let connection = try SQLiteConnection(path: try temporaryDatabase())
        try connection.execute("CREATE TABLE t (k INTEGER)")
        let answer = try connection.transaction {
            try connection.run("INSERT INTO t VALUES (1)")
            return "done"
        }
        #expect(answer == "done")
        #expect(throws: Abort.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t VALUES (2)")
                #expect(connection.inTransaction)
                throw Abort()
            }
        }
        #expect(!connection.inTransaction)
        #expect(try connection.rows("SELECT k FROM t") { $0.int(0) } == [1])
    }

    @Test("A read-only connection reads and refuses writes; WAL is switched on for writers")
    func modes() throws {
        let path = try temporaryDatabase()
        let writer = try SQLiteConnection(path: path)
        try writer.setBusyTimeout(milliseconds: 1000)
        try writer.switchToWriteAheadLog()
        try writer.execute("CREATE TABLE t (k INTEGER); INSERT INTO t VALUES (7)")
        #expect(try writer.rows("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
        let reader = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(reader.isReadOnly)
        #expect(try reader.int("SELECT k FROM t") == 7)
        let refused = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (8)") }
        #expect(refused.map { SQLiteResultCode($0.code).primary } == .readOnly)
        #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path + "-missing", mode: .readOnly) }
    }
}
