import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseTesting
import Synchronization
import Testing

@testable import StepwiseServer

/// The `schedule` job setting: while the server runs, a job of the workflow starts every period, never more at
/// once than `maxConcurrency` allows (one without it), and a restart carries on from the last scheduled run.
@Suite("REST jobs API: schedules", .serialized, .timeLimit(.minutes(1)))
struct JobScheduleTests {
    /// The lines the service logs, to wait on.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }

        /// Waits (10 s at most) until `count` lines satisfy `predicate`; answers them.
        func wait(for count: Int = 1, _ predicate: (String) -> Bool) async throws -> [String] {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let matching = all.filter(predicate)
                if matching.count >= count { return matching }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw ClientError(description: "never logged \(count) matching line(s); logged: \(all)")
        }
    }

    @Test("A scheduled workflow runs a job every period from the start, with the schedule's input")
    func runsEveryPeriod() async throws {
        let lines = Lines()
        let config = #"{"workflows": {"tick": {"jobIdMember": "jobId", "schedule": {"everySeconds": 0.2, "input": {"probe": "validator"}}}}}"#
        try await withService(workflows: ["tick": Definitions.echo], config: config, log: lines.append) { service in
            let started = try await lines.wait(for: 3) { $0.hasPrefix("started scheduled job scheduled-tick-") }
            let ids = started.map { String($0.dropFirst("started scheduled job ".count).prefix(while: { $0 != " " })) }
            let times = ids.compactMap { Int64($0.dropFirst("scheduled-tick-".count)) }
            #expect(times.count == 3)
            // Due times are a period apart; a loaded machine may skip a due time it reached too late (never runs it twice).
            #expect(zip(times, times.dropFirst()).allSatisfy { $1 > $0 && ($1 - $0) % 200 == 0 })
            let job = try await service.client.job(ids[0]) { $0["status"] == "COMPLETED" }
            #expect(job["workflow"] == "tick")
            #expect(job["output"] == ["probe": "validator", "jobId": .string(ids[0])])
        }
    }

    @Test("A run is skipped while the previous one still runs (no maxConcurrency: one at a time)")
    func skipsWhileRunning() async throws {
        let lines = Lines()
        let config = #"{"workflows": {"slow": {"schedule": {"everySeconds": 0.1}}}}"#
        try await withService(workflows: ["slow": Definitions.slow], config: config, log: lines.append) { service in
            _ = try await lines.wait(for: 2) { $0 == "skipped the scheduled run of slow: 1 job(s) of it still running" }
            #expect(lines.all.filter { $0.hasPrefix("started scheduled job") }.count == 1)
            let (_, jobs) = try await service.client.send("GET", "/jobs?workflow=slow")
            #expect(jobs["jobs"]?.arrayValue?.count == 1)
        }
    }

    @Test("maxConcurrency 2 lets two scheduled runs overlap, not three")
    func overlapUpToTheLimit() async throws {
        let lines = Lines()
        let config = #"{"workflows": {"slow": {"maxConcurrency": 2, "schedule": {"everySeconds": 0.1}}}}"#
        try await withService(workflows: ["slow": Definitions.slow], config: config, log: lines.append) { service in
            _ = try await lines.wait(for: 2) { $0 == "skipped the scheduled run of slow: 2 job(s) of it still running" }
            #expect(lines.all.filter { $0.hasPrefix("started scheduled job") }.count == 2)
            let (_, jobs) = try await service.client.send("GET", "/jobs?workflow=slow")
            #expect(jobs["jobs"]?.arrayValue?.count == 2)
        }
    }

    @Test("After a restart the next run is due one period after the last scheduled one, not at once")
    func survivesRestart() async throws {
        let config = #"{"workflows": {"tick": {"schedule": {"everySeconds": 3600}}}}"#
        let lines = Lines()
        let first = try await TestService.start(
            workflows: ["tick": Definitions.echo], config: #"{"workflows": {"tick": {"schedule": {"everySeconds": 2}}}}"#, log: lines.append)
        _ = try await lines.wait { $0.hasPrefix("started scheduled job scheduled-tick-") }
        try await first.stop()
        // The last run before the stop counts: 2 s apart, a second run rarely starts before the stop, and when it
        // does its job can be stored before its line is logged, so the period leaves the stop time to finish.
        let started = try #require(lines.all.last { $0.hasPrefix("started scheduled job scheduled-tick-") })
        let id = String(started.dropFirst("started scheduled job ".count).prefix(while: { $0 != " " }))
        let due = try #require(Int64(id.dropFirst("scheduled-tick-".count)))
        let again = Lines()
        let second = try await TestService.start(
            workflows: ["tick": Definitions.echo], config: config, directory: first.directory, log: again.append)
        do {
            let next = try await again.wait { $0.hasPrefix("schedule of tick:") }
            #expect(next == ["schedule of tick: every 3,600 s, next run scheduled-tick-\(due + 3_600_000)"])
            #expect(!again.all.contains { $0.hasPrefix("started scheduled job") })
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }

    @Test("Bad schedules are refused when the workflows directory is read")
    func badSchedules() throws {
        for (config, message) in [
            (
                #"{"workflows": {"tick": {"schedule": {"everySeconds": 0}}}}"#,
                "workflows.tick.schedule.everySeconds must be a number of seconds from 0.1 to 31622400 (366 days)"
            ),
            (
                #"{"workflows": {"tick": {"schedule": {"every": 5}}}}"#,
                "workflows.tick.schedule: unknown setting 'every' (known: everySeconds, input)"
            ),
            (#"{"workflows": {"gone": {"schedule": {"everySeconds": 60}}}}"#, "workflows.gone has a schedule, but there is no gone.asl.json"),
        ] {
            let directory = try TestSupport.temporaryDirectory()
            try Definitions.echo.write(to: directory.appendingPathComponent("tick.asl.json"), atomically: true, encoding: .utf8)
            let file = directory.appendingPathComponent("stepwise.json")
            try config.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try WorkflowDirectory(path: directory.path)
                Issue.record("\(config) was accepted")
            } catch let error as ServeError {
                #expect(error.message == "\(file.path): \(message)")
            }
        }
    }
}
