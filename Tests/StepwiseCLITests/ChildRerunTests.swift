import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

/// A Distributed Map whose children each add 1 to a DynamoDB counter, killed with SIGKILL twice (the run, then the
/// first resume) and resumed: a child whose completion was acknowledged must not run again, so the counter ends
/// between N and N + 2 × MaxConcurrency (the tasks in flight at each kill run again, as on AWS).
@Suite("Resumed Distributed Maps do not run finished children again", .serialized, .heavy, .timeLimit(.minutes(3)))
struct ChildRerunTests {
    static let children = 3_000
    static let maxConcurrency = 20

    static func workflow(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "CrashWorkflows/\(name)", withExtension: "asl.json")).path
    }

    @Test("Killed at a quarter and at half of the children, it ends with every child counted once, give or take those in flight")
    func counterAfterKills() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let data = directory.appendingPathComponent("data").path
        let database = directory.appendingPathComponent("runs.db").path
        let input: JSON = ["ids": .array((0..<Self.children).map { .int($0) })]
        try input.serialized().write(to: directory.appendingPathComponent("ids.json"), atomically: true, encoding: .utf8)
        let run = try TestSupport.spawn(
            ["run", try Self.workflow("counter"), "--db", database, "--data-dir", data, "--name", "count", "--input", "@ids.json"],
            in: directory, label: "run")
        #expect(try await Self.kill(run, afterSteps: Self.children / 4, database: database), "the run ended before it was killed")
        let resume = try TestSupport.spawn(["resume", "--db", database, "--data-dir", data], in: directory, label: "resume-1")
        #expect(try await Self.kill(resume, afterSteps: Self.children / 2, database: database), "the resume ended before it was killed")
        let final = try await TestSupport.execute(["resume", "--db", database, "--data-dir", data], in: directory, label: "resume-2")
        #expect(final.status == 0)
        #expect(final.stdout == "count: SUCCEEDED\n")
        let read = try await TestSupport.execute(["run", try Self.workflow("count"), "--data-dir", data], in: directory, label: "count")
        let text = try JSON(parsing: read.stdout).stringValue
        let count = try #require(text.flatMap { Int($0) })
        #expect((Self.children...Self.children + 2 * Self.maxConcurrency).contains(count), "\(count) updates for \(Self.children) children")
        let child = try await Self.verifyChildren(database: database)
        let history = try await TestSupport.execute(["history", child, "--db", database, "--json"], in: directory, label: "history")
        #expect(try JSON(parsing: history.stdout)["events"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == [
            "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded",
        ])
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

    /// Sends SIGKILL once the execution's step log has `steps` steps (each finished child is one); returns whether
    /// the process was still running then.
    static func kill(_ process: Process, afterSteps steps: Int, database: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline, try await stepCount(database) < steps {
            try await Task.sleep(for: .milliseconds(5))
        }
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        await process.exited()
        return true
    }

    static func stepCount(_ database: String) async throws -> Int {
        guard let store = try? await Store(path: database, options: Store.Options(readOnly: true)) else { return 0 }
        var count = 0
        if let record = try? await store.execution(nameOrArn: "count") { count = (try? await store.stepLog(arn: record.arn).count) ?? 0 }
        try? await store.close()
        return count
    }
}
