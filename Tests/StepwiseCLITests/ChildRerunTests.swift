import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

/// A Distributed Map whose children each add 1 to a DynamoDB counter, killed with SIGKILL (the run, then the first
/// resume) and resumed: a child whose completion was recorded must not run again, so the counter ends between N
/// and N + MaxConcurrency per kill (the tasks in flight at a kill run again, as on AWS).
@Suite("Resumed Distributed Maps do not run finished children again", .serialized, .heavy, .timeLimit(.minutes(3)))
struct ChildRerunTests {
    static let children = 3_000
    static let maxConcurrency = 20

    static func workflow(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "CrashWorkflows/\(name)", withExtension: "asl.json")).path
    }

    /// One run killed at a quarter of its children and its resume at half, then resumed to the end: the count of
    /// updates and whether the run was really killed (on a loaded machine the test may read its progress too late).
    struct Attempt {
        let kills: Int
        let count: Int
        let directory: URL
        let database: String
    }

    @Test("Killed at a quarter and at half of the children, it ends with every child counted once, give or take those in flight")
    func counterAfterKills() async throws {
        var attempt: Attempt?
        for _ in 1...3 {
            let tried = try await Self.attempt()
            attempt = tried
            if tried.kills > 0 { break }
        }
        let result = try #require(attempt)
        #expect(result.kills > 0, "every run ended before it could be killed: nothing was tested")
        #expect(
            (Self.children...Self.children + result.kills * Self.maxConcurrency).contains(result.count),
            "\(result.count) updates for \(Self.children) children after \(result.kills) kills")
        let child = try await Self.verifyChildren(database: result.database)
        let history = try await TestSupport.execute(["history", child, "--db", result.database, "--json"], in: result.directory, label: "history")
        #expect(
            try JSON(parsing: history.stdout)["events"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == [
                "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
            ])
    }

    static func attempt() async throws -> Attempt {
        let directory = try TestSupport.temporaryDirectory()
        let data = directory.appendingPathComponent("data").path
        let database = directory.appendingPathComponent("runs.db").path
        let input: JSON = ["ids": .array((0..<Self.children).map { .int($0) })]
        try input.serialized().write(to: directory.appendingPathComponent("ids.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.spawn(
            ["run", try Self.workflow("counter"), "--db", database, "--data-dir", data, "--name", "count", "--input", "@ids.json"],
            in: directory, label: "run")
        var kills = await Self.kill(run, after: Self.children / 4, database: database) ? 1 : 0
        if kills > 0 {
            let resume = try TestSupport.spawn(["resume", "--db", database, "--data-dir", data], in: directory, label: "resume-1")
            kills += await Self.kill(resume, after: Self.children / 2, database: database) ? 1 : 0
            let final = try await TestSupport.execute(["resume", "--db", database, "--data-dir", data], in: directory, label: "resume-2")
            #expect(final.status == 0)
            #expect(final.stdout == (kills == 2 ? "count: SUCCEEDED\n" : ""))
        }
        let read = try await TestSupport.execute(["run", try Self.workflow("count"), "--data-dir", data], in: directory, label: "count")
        let text = try JSON(parsing: read.stdout).stringValue
        return Attempt(kills: kills, count: try #require(text.flatMap { Int($0) }), directory: directory, database: database)
    }

    /// Sends SIGKILL once the Map Run has `done` children succeeded (as stored); returns whether the process was
    /// still running then.
    static func kill(_ process: Process, after done: Int, database: String) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline, await succeededChildren(database) < done {
            try? await Task.sleep(for: .milliseconds(5))
        }
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        await process.exited()
        return true
    }

    /// How many children of the execution's Map Run the store has as succeeded (0 while it cannot tell yet).
    static func succeededChildren(_ database: String) async -> Int {
        guard FileManager.default.fileExists(atPath: database),
            let store = try? await Store(path: database, options: Store.Options(readOnly: true))
        else { return 0 }
        var count = 0
        if let record = try? await store.execution(nameOrArn: "count"),
            let run = try? await store.mapRuns(executionArn: record.arn).items.first
        {
            count = run.executionCounts.succeeded
        }
        try? await store.close()
        return count
    }

    /// The Map Run and its STANDARD children were stored with their steps: each child once, each ended. Answers
    /// the ARN of the first child.
    static func verifyChildren(database: String) async throws -> String {
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "count"))
        let run = try #require(try await store.mapRuns(executionArn: record.arn).items.first)
        #expect(run.status == .succeeded)
        #expect((run.executionCounts.succeeded, run.executionCounts.total, run.executionCounts.running) == (Self.children, Self.children, 0))
        var names = Set<String>()
        var token: String?
        repeat {
            let page = try await store.mapRunExecutions(mapRunArn: run.arn, maxResults: 1000, nextToken: token)
            for child in page.items where child.status == .succeeded { names.insert(child.name) }
            token = page.nextToken
        } while token != nil
        #expect(names.count == Self.children)
        let first = try #require(try await store.mapRunExecutions(mapRunArn: run.arn, maxResults: 1).items.first?.arn)
        try await store.close()
        return first
    }
}
