import Foundation
import JSON
import Stepwise
import StepwiseCLI
import StepwiseTesting
import Testing

@testable import StepwiseServices

/// `run`, `serve` and `resume` apply the seed of the stepwise.json beside the workflow (or named by --seed);
/// `stepwise data seed` applies it on request, `--reset` first.
@Suite("Seeding through the commands", .serialized, .timeLimit(.minutes(3)))
struct SeedCommandTests {
    /// `flows/read.asl.json` reads `s3://inbox/a.csv`; `flows/stepwise.json` seeds it from `fixtures/a.csv`.
    func project() throws -> SeedProject {
        let project = try SeedProject()
        try project.seedFile(["seed": ["s3": [["bucket": "inbox", "key": "a.csv", "file": "../fixtures/a.csv"]]]], name: "flows/stepwise.json")
        let read: JSON = [
            "QueryLanguage": "JSONata", "StartAt": "Read",
            "States": [
                "Read": [
                    "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "Arguments": ["Bucket": "inbox", "Key": "a.csv"],
                    "Output": "{% $states.result.Body %}", "End": true,
                ]
            ],
        ]
        try project.write("flows/read.asl.json", read.serialized())
        return project
    }

    func run(_ project: SeedProject, _ extra: String...) async -> CLI.Result {
        await TestSupport.cli(["run", project.root.appendingPathComponent("flows/read.asl.json").path, "--data-dir", project.data.url.path] + extra)
    }

    @Test func runSeedsFromTheStepwiseJSONBesideTheWorkflowOnce() async throws {
        let project = try project()
        let first = await run(project)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\"uid\\nu1\\n\"\n")
        #expect(first.stderr == "")  // the notice is for terminals only
        #expect(try SeedManifest.read(project.data).seedFile == project.root.appendingPathComponent("flows/stepwise.json").path)
        try S3Store(dataDirectory: project.data).putObject(bucket: "inbox", key: "a.csv", data: Data("changed by hand".utf8))
        #expect(await run(project).stdout == "\"changed by hand\"\n")
    }

    @Test func noSeedLeavesTheDataDirectoryAsItIs() async throws {
        let project = try project()
        let result = await run(project, "--no-seed")
        #expect(result.status == 1)
        #expect(result.stderr == "FAILED: S3.NoSuchBucketException: The specified bucket does not exist (Service: S3, Status Code: 404)\n")
        let both = await run(project, "--no-seed", "--seed", "x.json")
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("stepwise run: --seed and --no-seed cannot be given together\n"))
    }

    @Test func aBadSeedFileStopsTheRunBeforeItStarts() async throws {
        let project = try project()
        try project.seedFile(["seed": ["s3": [["bucket": "inbox", "files": "../fixtures/*.xml"]]]], name: "flows/stepwise.json")
        let result = await run(project)
        #expect(result.status == 2)
        let file = project.root.appendingPathComponent("flows/stepwise.json").path
        #expect(result.stderr == "stepwise run: \(file): seed.s3[0].files: '../fixtures/*.xml' matches no file\n")
        #expect(!FileManager.default.fileExists(atPath: project.data.url.path))
    }

    @Test func dataSeedAppliesOnRequestAndResetStartsAfresh() async throws {
        let project = try project()
        let data = project.data.url.path
        let seedFile = project.root.appendingPathComponent("flows/stepwise.json").path
        let seeded = await TestSupport.cli("data", "seed", "--seed", seedFile, "--data-dir", data)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout == "seeded \(data) from \(seedFile): created 1, updated 0, kept 0, unchanged 0\n  created    s3://inbox/a.csv\n")
        let extra = project.root.appendingPathComponent("fixtures/b.csv").path
        #expect(await TestSupport.cli("data", "put", "s3://inbox/b.csv", extra, "--data-dir", data).status == 0)
        try S3Store(dataDirectory: project.data).putObject(bucket: "inbox", key: "a.csv", data: Data("changed".utf8))
        // Without --seed: the file the data directory was seeded from.
        let again = await TestSupport.cli("data", "seed", "--data-dir", data)
        #expect(again.stdout == "seeded \(data) from \(seedFile): created 0, updated 0, kept 0, unchanged 1\n")
        let reset = await TestSupport.cli("data", "seed", "--reset", "--data-dir", data, "--json")
        #expect(reset.status == 0, "\(reset.stderr)")
        let json = try JSON(parsing: reset.stdout)
        #expect(json["units"] == [["id": "s3://inbox/a.csv", "outcome": "created"]])
        let deleted = json["reset"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(deleted.filter { !["-wal", "-shm", "-journal"].contains(where: $0.hasSuffix) } == ["s3", "s3-meta.sqlite", "seeded.json"])
        #expect(try project.object("inbox", "a.csv") == "uid\nu1\n")
        #expect(throws: StatesError.self) { try S3Store(dataDirectory: project.data).headObject(bucket: "inbox", key: "b.csv") }
    }

    @Test func resetDeletesOnlyWhatTheServicesKeep() async throws {
        let project = try project()
        try project.write("data/my-notes.txt", "mine")
        let seedFile = project.root.appendingPathComponent("flows/stepwise.json").path
        let result = await TestSupport.cli("data", "seed", "--reset", "--seed", seedFile, "--data-dir", project.data.url.path)
        #expect(result.stdout.hasPrefix("reset \(project.data.url.path): deleted nothing\nseeded "))
        #expect(try String(contentsOf: project.data.url.appendingPathComponent("my-notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func dataSeedWithoutASeedFileSaysWhatToDo() async throws {
        let project = try project()
        // The binary, in a folder without workflows/stepwise.json (the default seed file is relative to it).
        let (status, _) = try await TestSupport.execute(["data", "seed", "--data-dir", "data"], in: project.root, label: "seed")
        #expect(status == 1)
        #expect(
            try String(contentsOf: project.root.appendingPathComponent("seed.err"), encoding: .utf8)
                == "stepwise data seed: no seed file: give --seed FILE (the data directory names none, and there is no workflows/stepwise.json here)\n"
        )
        try project.seedFile(["workflows": [:]], name: "flows/jobs.json")
        let none = await TestSupport.cli("data", "seed", "--seed", project.root.appendingPathComponent("flows/jobs.json").path)
        #expect(none.status == 1)
        #expect(none.stderr == "stepwise data seed: \(project.root.path)/flows/jobs.json declares no seed (it has no \"seed\" member)\n")
    }

    @Test func resumeAppliesTheSeedTheDataDirectoryWasSeededFrom() async throws {
        let project = try project()
        let data = project.data.url.path
        let seedFile = project.root.appendingPathComponent("flows/stepwise.json").path
        #expect(await TestSupport.cli("data", "seed", "--seed", seedFile, "--data-dir", data).status == 0)
        try project.write("fixtures/a.csv", "uid\nu1-v2\n")
        let database = project.root.appendingPathComponent("resume.db").path
        let resume = await TestSupport.cli("resume", "--db", database, "--data-dir", data)
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(try project.object("inbox", "a.csv") == "uid\nu1-v2\n")
    }

    @Test func serveSeedsAtStartAndSaysSo() async throws {
        let project = try project()
        let server = try await TestSupport.serve(
            ["--workflows", "flows", "--data-dir", "data", "--db", "serve.db"], in: project.root)
        defer { server.process.terminate() }
        #expect(
            server.logText.contains(
                "stepwise: seeded data from flows/stepwise.json: created 1, updated 0, kept 0, unchanged 0\nstepwise:   created    s3://inbox/a.csv\n"
            ))
        #expect(try project.object("inbox", "a.csv") == "uid\nu1\n")
    }
}
