import Foundation
import JSON
import StatesLanguage
import Stepwise
import StepwiseStore
import StepwiseTesting
import Testing

/// Crash tests that really crash: a child `stepwise` process works on a database and is killed with SIGKILL at
/// random (seeded) moments, then restarted; every execution must end as an uninterrupted run would.
@Suite("Durable executions survive SIGKILL", .serialized, .heavy, .timeLimit(.minutes(5)))
struct CrashTests {
    static let workflows = ["waits", "retries", "fanout", "chain"]
    static let minimumKills = 50

    static func workflowURL(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "CrashWorkflows/\(name)", withExtension: "asl.json"))
    }

    static func input(_ n: Int) -> JSON { ["n": .int(n), "i": 0, "items": [1, 2, 3]] }

    @Test("Killed runs and resumes at random moments end with the outputs and histories of uninterrupted runs")
    func killAndResume() async throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["STEPWISE_CRASH_SEED"] ?? "") ?? 20_261_121
        var random = AnyRandom(seed: seed)  // the kill schedule is reproducible from the seed
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("crash.db").path
        var kills = 0
        var jobs: [(name: String, workflow: String, n: Int)] = []
        while kills < Self.minimumKills {
            let n = jobs.count
            let workflow = Self.workflows[n % Self.workflows.count]
            let name = "job-\(n)"
            jobs.append((name, workflow, n))
            let run = try TestSupport.spawn(
                ["run", try Self.workflowURL(workflow).path, "--db", database, "--name", name, "--input", Self.input(n).serialized()],
                in: directory, label: "run-\(n)")
            // A run killed before it recorded its start never began (there is nothing to lose), so the random
            // moment is measured from the recorded start; `resume` below is killed at any moment, start-up included.
            await Self.waitForStart(of: name, in: database, while: run)
            kills += try await Self.kill(run, after: Double.random(in: 0.0...0.9, using: &random))
            let resume = try TestSupport.spawn(["resume", "--db", database], in: directory, label: "resume-\(n)")
            kills += try await Self.kill(resume, after: Double.random(in: 0.02...0.9, using: &random))
        }
        let final = try await TestSupport.execute(["resume", "--db", database], in: directory, label: "final")
        #expect(final.status == 0)
        try await Self.verify(jobs, database: database, seed: seed)
    }

    /// Returns once the execution `name` is in the database (or the process has ended, or 20 s have passed).
    static func waitForStart(of name: String, in database: String, while process: Process) async {
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning, ContinuousClock.now < deadline {
            if let store = try? await Store(path: database, options: Store.Options(readOnly: true)) {
                let found = (try? await store.execution(nameOrArn: name)) != nil
                try? await store.close()
                if found { return }
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Sends SIGKILL after `delay` seconds; returns 1 when the process was still running (a real kill).
    static func kill(_ process: Process, after delay: Double) async throws -> Int {
        try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        guard process.isRunning else { return 0 }
        Foundation.kill(process.processIdentifier, SIGKILL)
        await process.exited()
        return 1
    }

    static func verify(_ jobs: [(name: String, workflow: String, n: Int)], database: String, seed: UInt64) async throws {
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        #expect(try await store.runningExecutions().isEmpty, "seed \(seed): executions left RUNNING")
        for job in jobs {
            let record = try #require(try await store.execution(nameOrArn: job.name), "seed \(seed): \(job.name) lost")
            let reference = try await TestSupport.run(try String(contentsOf: try workflowURL(job.workflow), encoding: .utf8), input: input(job.n))
            let events = try await store.allEvents(arn: record.arn)
            #expect(record.status.rawValue == reference.result.status.rawValue, "seed \(seed): \(job.name)")
            #expect(events.map { $0["id"]?.intValue ?? 0 } == Array(1...events.count), "seed \(seed): \(job.name) event ids")
            #expect(events.map { $0["type"]?.stringValue ?? "" } == reference.types, "seed \(seed): \(job.name) event types")
            let output = try JSON(parsing: try #require(record.output))
            #expect(withoutId(output) == withoutId(reference.result.output ?? .null), "seed \(seed): \(job.name) output")
            // The output must be the one recorded before any crash: replay drew the same UUID.
            let lastExit = events.last { ($0["type"]?.stringValue ?? "").hasSuffix("StateExited") }
            let exitOutput = try lastExit?["stateExitedEventDetails"]?["output"]?.stringValue.map { try JSON(parsing: $0) }
            #expect(exitOutput == output, "seed \(seed): \(job.name) output differs from its recorded history")
        }
        try await store.close()
    }

    static func withoutId(_ value: JSON) -> JSON {
        guard case .object(var object) = value else { return value }
        _ = object.removeValue(forKey: "id")
        return .object(object)
    }
}
