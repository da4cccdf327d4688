import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

@testable import StepwiseCLI

/// `stepwise redrive` with the built binary: a redrive killed with SIGKILL half-way through is carried on by
/// `stepwise resume` like any execution, and its history reads as one uninterrupted redrive.
@Suite("A redriven execution survives SIGKILL", .serialized, .heavy, .timeLimit(.minutes(3)))
struct RedriveCrashTests {
    static let children = 2_000

    @Test("Failed at its gate, redriven, killed at a quarter of its Map Run and resumed: it succeeds with every child counted")
    func killedRedriveResumes() async throws {
        var result: (kills: Int, directory: URL, database: String, data: String)?
        for _ in 1...3 {
            let tried = try await Self.attempt()
            result = tried
            if tried.kills > 0 { break }
        }
        let (kills, directory, database, data) = try #require(result)
        #expect(kills == 1, "the redrive ended before it could be killed: nothing was tested")
        let read = try await TestSupport.execute(["run", try ChildRerunTests.workflow("count"), "--data-dir", data], in: directory, label: "count")
        let count = try #require(try JSON(parsing: read.stdout).stringValue.flatMap { Int($0) })
        #expect((Self.children...Self.children + 20).contains(count), "\(count) updates for \(Self.children) children")
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "count"))
        #expect(record.status == .succeeded)
        #expect(record.redriveCount == 1)
        let events = try await store.allEvents(arn: record.arn)
        #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count))
        #expect(
            events.map { $0["type"]?.stringValue ?? "" } == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "PassStateEntered", "EvaluationFailed", "ExecutionFailed", "ExecutionRedriven", "PassStateEntered", "PassStateExited",
                "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited",
                "ExecutionSucceeded",
            ])
        let run = try #require(try await store.mapRuns(executionArn: record.arn).items.first)
        #expect((run.executionCounts.succeeded, run.executionCounts.total, run.executionCounts.running) == (Self.children, Self.children, 0))
        try await store.close()
    }

    /// Runs the workflow (it fails at its gate), redrives it and kills the redrive at a quarter of the children,
    /// then resumes it to the end. Answers whether the redrive was really killed, and where everything is.
    static func attempt() async throws -> (kills: Int, directory: URL, database: String, data: String) {
        let directory = try TestSupport.temporaryDirectory()
        let data = directory.appendingPathComponent("data").path
        let database = directory.appendingPathComponent("runs.db").path
        let input: JSON = ["ids": .array((0..<Self.children).map { .int($0) })]
        try input.serialized().write(to: directory.appendingPathComponent("ids.json"), atomically: true, encoding: .utf8)
        let workflow = try ChildRerunTests.workflow("redrive")
        let run = try await TestSupport.execute(
            ["run", workflow, "--db", database, "--data-dir", data, "--name", "count", "--input", "@ids.json"], in: directory, label: "run")
        #expect(run.status == 1)
        let redrive = try TestSupport.spawn(["redrive", "count", "--db", database, "--data-dir", data], in: directory, label: "redrive")
        let kills = await ChildRerunTests.kill(redrive, after: Self.children / 4, database: database) ? 1 : 0
        let final = try await TestSupport.execute(["resume", "--db", database, "--data-dir", data], in: directory, label: "resume")
        #expect(final.status == 0)
        #expect(final.stdout == (kills == 1 ? "count: SUCCEEDED\n" : ""))
        return (kills, directory, database, data)
    }

    @Test("stepwise redrive prints as run does, and refuses what cannot be redriven with AWS's reason")
    func command() async throws {
        let flaky = """
            {"QueryLanguage":"JSONata","StartAt":"Flaky","States":{"Flaky":{"Type":"Pass","End":true,
              "Output":"{% $states.context.Execution.RedriveCount = 0 ? $error('first attempt') : {'redrives': $states.context.Execution.RedriveCount} %}"}}}
            """
        let file = try RunCommandTests.file(flaky, name: "flaky.asl.json")
        let database = (file as NSString).deletingLastPathComponent + "/runs.db"
        let data = (file as NSString).deletingLastPathComponent + "/data"
        let run = await CLI.run(["run", file, "--db", database, "--data-dir", data, "--name", "job-1"])
        #expect(run.status == 1)
        let redrive = await CLI.run(["redrive", "job-1", "--db", database, "--data-dir", data])
        #expect(redrive.status == 0)
        #expect(redrive.stdout == "{\n  \"redrives\": 1\n}\n")
        let again = await CLI.run(["redrive", "job-1", "--db", database, "--data-dir", data])
        #expect(again.status == 2)
        #expect(again.stderr == "stepwise redrive: ExecutionNotRedrivable: Execution is SUCCEEDED and cannot be redriven\n")
        let missing = await CLI.run(["redrive", "job-2", "--db", database, "--data-dir", data])
        #expect(missing.status == 2)
        #expect(missing.stderr == "stepwise redrive: ExecutionDoesNotExist: no execution 'job-2' in \(database)\n")
        let usage = await CLI.run(["redrive", "job-1"])
        #expect(usage.status == 2)
        #expect(usage.stderr.hasPrefix("stepwise redrive: --db PATH is required"))
    }

    @Test("A Distributed Map whose ResultWriter failed is redriven: the results are written, no child runs again")
    func resultWriter() async throws {
        let definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items", "Label": "M",
              "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "results"}},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Echo",
                "States": {"Echo": {"Type": "Pass", "End": true}}}}}}
            """
        let file = try RunCommandTests.file(definition, name: "writer.asl.json")
        let directory = (file as NSString).deletingLastPathComponent
        let (database, data) = (directory + "/runs.db", directory + "/data")
        let run = await CLI.run(["run", file, "--db", database, "--data-dir", data, "--name", "job", "--input", #"{"items":[1,2,3]}"#])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("FAILED: States.ResultWriterFailed: S3.NoSuchBucketException"))
        try FileManager.default.createDirectory(atPath: data + "/s3/out", withIntermediateDirectories: true)  // the bucket
        let redrive = await CLI.run(["redrive", "job", "--db", database, "--data-dir", data])
        #expect(redrive.status == 0)
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "job"))
        #expect(
            try await store.allEvents(arn: record.arn).map { $0["type"]?.stringValue ?? "" } == [
                "ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed",
                "ExecutionRedriven", "MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited", "ExecutionSucceeded",
            ])
        let mapRun = try #require(try await store.mapRuns(executionArn: record.arn).items.first)
        #expect(mapRun.status == .succeeded)
        #expect((mapRun.redriveCount, mapRun.executionCounts.succeeded, mapRun.executionCounts.resultsWritten) == (1, 3, 3))
        let children = try await store.mapRunExecutions(mapRunArn: mapRun.arn).items
        #expect(children.map(\.redriveCount) == [0, 0, 0])
        for child in children { #expect(try await store.allEvents(arn: child.arn).count == 4) }
        let id = String(mapRun.arn.split(separator: ":").last ?? "")
        #expect(FileManager.default.fileExists(atPath: data + "/s3/out/results/\(id)/manifest.json"))
        try await store.close()
    }
}
