import Foundation
import JSON
import StepwiseSQLite
import StepwiseTesting
import Testing

@testable import StepwiseStore

/// What the CLI says about a database it cannot use: one line, what is wrong, what a CLI user can do.
@Suite("stepwise commands on bad database files", .timeLimit(.minutes(3)))
struct BadDatabaseTests {
    static let pass = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#

    /// Runs `run --db path` and `executions --db path`; answers their stderr, and checks the file was not changed.
    static func messages(_ path: String) async throws -> (run: String, executions: String) {
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        let file = try RunCommandTests.file(Self.pass)
        let run = await TestSupport.cli("run", file, "--db", path)
        #expect(run.status == 1)
        let executions = await TestSupport.cli("executions", "--db", path)
        #expect(executions.status == 2)
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before)
        return (run.stderr, executions.stderr)
    }

    static func path() throws -> String { try TestSupport.temporaryDirectory().appendingPathComponent("runs.db").path }

    /// A file the store refuses, and the message both commands give for it after `stepwise run: ` / `stepwise executions: `.
    enum Refused: String, CaseIterable, Sendable {
        case corrupt, foreign, newerSchema

        func make(_ path: String) async throws {
            switch self {
            case .corrupt: try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
            case .foreign: try SQLiteConnection(storeAt: path, mode: .readWrite).execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
            case .newerSchema:
                try await Store(path: path).close()
                try SQLiteConnection(storeAt: path, mode: .readWrite).execute(
                    "INSERT INTO migrations (position, name, applied_date) VALUES (\(Migration.all.count + 1), 'v99', 0)")
            }
        }

        func message(_ path: String) -> String {
            switch self {
            case .corrupt: "\(path) is not an SQLite database (file is not a database); the file was left untouched\n"
            case .foreign: "\(path) is an SQLite database but not a Stepwise one (tables users); the file was left untouched\n"
            case .newerSchema:
                "\(path) was written by a newer Stepwise (migration 'v99' is unknown); use that newer stepwise (the file was left untouched)\n"
            }
        }
    }

    @Test("A corrupt file, another application's database, a newer schema: said in one line, the file left untouched", arguments: Refused.allCases)
    func refused(_ kind: Refused) async throws {
        let path = try Self.path()
        try await kind.make(path)
        let (run, executions) = try await Self.messages(path)
        #expect(run == "stepwise run: \(kind.message(path))")
        #expect(executions == "stepwise executions: \(kind.message(path))")
    }

    @Test("A read-only file: the command that writes says what to do; reading commands work", .enabled(if: TestSupport.canMakeReadOnly))
    func readOnlyFile() async throws {
        let path = try Self.path()
        try await Store(path: path).close()
        try TestSupport.makeReadOnly(path)
        defer { TestSupport.makeWritable(path) }
        let run = await TestSupport.cli("run", try RunCommandTests.file(Self.pass), "--db", path)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                stepwise run: \(path) is read-only (the file cannot be written): this command records executions in it, so the file \
                and its directory must be writable; `stepwise executions --db` and `stepwise history --db` can read it as it is

                """)
        #expect(await TestSupport.cli("executions", "--db", path).status == 0)
    }

    @Test("A database in a read-only directory is reported as read-only, and can still be listed", .enabled(if: TestSupport.canMakeReadOnly))
    func readOnlyDirectory() async throws {
        let path = try Self.path()
        #expect(await TestSupport.cli("run", try RunCommandTests.file(Self.pass), "--db", path, "--name", "first").status == 0)
        let directory = (path as NSString).deletingLastPathComponent
        try TestSupport.makeReadOnly(directory, mode: 0o555)
        defer { TestSupport.makeWritable(directory, mode: 0o755) }
        let resume = await TestSupport.cli("resume", "--db", path)
        #expect(resume.status == 2)
        #expect(
            resume.stderr == """
                stepwise resume: \(path) is read-only (its directory \(directory) cannot be written): this command records executions \
                in it, so the file and its directory must be writable; `stepwise executions --db` and `stepwise history --db` can read it as it is

                """)
        let listed = await TestSupport.cli("executions", "--db", path, "--json")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try JSON(parsing: listed.stdout)["executions"]?.arrayValue?.map { $0["name"] } == ["first"])
    }
}
