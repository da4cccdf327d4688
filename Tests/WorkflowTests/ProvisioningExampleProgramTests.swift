import Foundation
import JSON
import StepwiseServices
import StepwiseStore
import StepwiseTesting
import Testing

/// The example program of docs/library.md (Examples/migration-example), run as the built binary.
@Suite("Example program migration-example", .heavy, .timeLimit(.minutes(3)))
struct ProvisioningExampleProgramTests {
    /// The built `migration-example` next to the test bundle (`swift test` builds every product).
    static func binary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("migration-example"),
            Bundle.main.bundleURL.appendingPathComponent("migration-example"),
            TestSupport.packageRoot.appendingPathComponent(".build/debug/migration-example"),
        ]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ExampleNotBuilt(searched: candidates.map(\.path))
        }
        return binary
    }

    /// Runs the example from the package root; returns its exit status, stdout and stderr.
    static func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        let directory = try TestSupport.temporaryDirectory()
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = TestSupport.packageRoot
        let (out, err) = (directory.appendingPathComponent("out"), directory.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        await process.exited()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    @Test("It runs workflows/hello.asl.json and prints the result and a short history")
    func hello() async throws {
        let data = try TestSupport.temporaryDirectory().path
        let run = try await Self.run([
            "workflows/hello.asl.json", "workflows/hello.input.json", "--virtual-time", "--data-dir", data, "--name", "party",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "workflow: workflows/hello.asl.json (state machine hello), data directory \(data)")
        #expect(lines.contains("execution: arn:aws:states:us-east-1:123456789012:execution:hello:party"))
        #expect(lines.contains("status: SUCCEEDED"))
        let output = run.stdout.components(separatedBy: "output: ").last?.components(separatedBy: "\nhistory:").first ?? ""
        #expect(
            try JSON(parsing: output) == [
                "cards": ["Welcome Ada, seat 1", "Welcome Grace, seat 2", "Welcome Linus, seat 3"], "guests": 3,
            ])
        #expect(lines.contains("history: 24 events, 9 shown"))
        #expect(lines.contains("    20    0.000s  WaitStateEntered  Wait for the party"))
        #expect(lines.last == "    24 3600.000s  ExecutionSucceeded")
    }

    /// The default run is a real migration: the clean CSV uploaded to the local S3 and migration.input.json's job,
    /// whose id is the execution's name (the input has no jobId, so every run is a job of its own).
    @Test("Without arguments it uploads the clean CSV and runs a DUAL_PROV migration job named after its execution; --name runs another job")
    func defaultMigration() async throws {
        let data = try TestSupport.temporaryDirectory().appendingPathComponent("data").path
        let run = try await Self.run(["--virtual-time", "--data-dir", data])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.prefix(2) == [
                "workflow: workflows/migration.asl.json (state machine migration), data directory \(data)",
                "uploaded Fixtures/portal/subscribers-clean.csv to s3://portal-data/imports/subscribers-clean.csv (765 bytes)",
            ])
        let execution = "execution: arn:aws:states:us-east-1:123456789012:execution:migration:"
        let job = try #require(lines.dropFirst(2).first.flatMap { $0.hasPrefix(execution) ? String($0.dropFirst(execution.count)) : nil })
        #expect(UUID(uuidString: job) != nil)
        let output = run.stdout.components(separatedBy: "output: ").last?.components(separatedBy: "\nhistory:").first ?? ""
        #expect(
            try JSON(parsing: output) == [
                "jobId": .string(job), "status": "COMPLETED", "processed": 5, "succeeded": 5, "failed": 0,
                "reportKey": .string("reports/\(job).json"),
            ])
        #expect(FileManager.default.fileExists(atPath: "\(data)/s3/portal-data/reports/\(job).json"))

        let again = try await Self.run(["--virtual-time", "--data-dir", data, "--name", "job-again"])
        #expect(again.status == 0)
        let second = again.stdout.components(separatedBy: "output: ").last?.components(separatedBy: "\nhistory:").first ?? ""
        #expect(try JSON(parsing: second)["failed"] == 5)  // every uid is already provisioned: DUPLICATE_UID
        #expect(again.stdout.contains("execution:migration:job-again"))
    }

    @Test("With --db it records the execution durably and runs a workflow on the local services")
    func durableProvisioning() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let data = directory.appendingPathComponent("data").path
        let database = directory.appendingPathComponent("db/executions.sqlite").path
        let run = try await Self.run([
            "workflows/provisioning.asl.json", "Fixtures/provisioning/registration.json", "--virtual-time", "--data-dir", data, "--db", database,
            "--name", "reg-1",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("status: SUCCEEDED"))
        #expect(run.stdout.contains("ExecutionSucceeded"))
        let store = try await Store(path: database)
        let record = try #require(try await store.execution(nameOrArn: "reg-1"))
        #expect(record.status.rawValue == "SUCCEEDED")
        try await store.close()
        let item = try await DynamoDB(dataDirectory: DataDirectory(path: data)).perform(
            "getItem", input: ["TableName": "SystemRegistry", "Key": ["system_name": ["S": "recommendations"]]])
        #expect(item["Item"]?["status"] == ["S": "active"])

        let resume = try await Self.run(["--db", database, "--resume", "--data-dir", data])
        #expect(resume.status == 0)
        #expect(resume.stdout == "resumed 0 execution(s) from \(database)\n")
    }

    @Test("Without a workflow it names the missing default; a failing workflow exits 1 with the error")
    func errors() async throws {
        let missing = try await Self.run(["workflows/no-such.asl.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "migration-example: workflows/no-such.asl.json: no such file (pass a WORKFLOW, e.g. workflows/hello.asl.json)\n")
        let data = try TestSupport.temporaryDirectory().path
        let failed = try await Self.run(["workflows/hello.asl.json", #"{"guests": ["Ada"]}"#, "--virtual-time", "--data-dir", data])
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("status: FAILED"))
        #expect(failed.stdout.contains("error: Party.TooFewGuests: A party needs at least two guests."))
    }
}

struct ExampleNotBuilt: Error, CustomStringConvertible {
    let searched: [String]
    var description: String { "migration-example was not built; looked at \(searched.joined(separator: ", "))" }
}
