import Foundation
import JSON
import StepwiseStore
import Testing

@testable import StepwiseServer

@Suite("REST jobs API", .serialized, .timeLimit(.minutes(1)))
struct JobsAPITests {
    static let workflows = [
        "greet": Definitions.echo, "slow": Definitions.slow, "broken": Definitions.fail, "flaky": APIRedriveTests.flaky,
    ]

    @Test("POST /{workflow}/jobs answers 201 with the job, which completes with its output and history")
    func submitAndComplete() async throws {
        try await withService(workflows: Self.workflows) { service in
            let client = service.client
            let (status, job) = try await client.send("POST", "/greet/jobs?name=job-1", body: #"{"who":"ada"}"#)
            #expect(status == 201)
            #expect(job["id"] == "job-1")
            #expect(job["workflow"] == "greet")
            #expect(job["input"] == ["who": "ada"])
            let done = try await client.job("job-1") { $0["status"] == "COMPLETED" }
            #expect(done["output"] == ["who": "ada"])
            #expect(done["executionArn"] == .string(Definitions.executionArn("greet", "job-1")))
            #expect(done["startDate"]?.stringValue?.hasSuffix("Z") == true)
            #expect(done["stopDate"] != nil)
            let (_, history) = try await client.send("GET", "/jobs/job-1/history?maxResults=2")
            #expect(history["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } == ["ExecutionStarted", "PassStateEntered"])
            let (_, rest) = try await client.send("GET", "/jobs/job-1/history?nextToken=\(history["nextToken"]?.stringValue ?? "")")
            #expect(rest["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } == ["PassStateExited", "ExecutionSucceeded"])
        }
    }

    @Test("A failing workflow's job is FAILED with its error and cause")
    func failed() async throws {
        try await withService(workflows: Self.workflows) { service in
            let (status, _) = try await service.client.send("POST", "/broken/jobs", body: #"{"input":{},"name":"b1"}"#)
            #expect(status == 201)
            let job = try await service.client.job("b1") { $0["status"] == "FAILED" }
            #expect(job["error"] == "Oops")
            #expect(job["cause"] == "it broke")
        }
    }

    @Test("POST /jobs/{id}/retry redrives a FAILED job: RUNNING again, then COMPLETED with its history continued; others 409")
    func retry() async throws {
        try await withService(workflows: Self.workflows) { service in
            let client = service.client
            _ = try await client.send("POST", "/flaky/jobs?name=f1", body: "{}")
            let failed = try await client.job("f1") { $0["status"] == "FAILED" }
            #expect(failed["error"] == "States.QueryEvaluationError")
            let (status, retried) = try await client.send("POST", "/jobs/f1/retry")
            #expect(status == 200)
            #expect(retried["id"] == "f1")
            #expect(["RUNNING", "COMPLETED"].contains(retried["status"]?.stringValue ?? ""))
            let done = try await client.job("f1") { $0["status"] == "COMPLETED" }
            #expect(done["output"] == ["n": 1, "redrives": 1])
            #expect(done["error"] == nil)
            let (_, history) = try await client.send("GET", "/jobs/f1/history")
            let types = history["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
            #expect(Array(types.suffix(4)) == ["ExecutionRedriven", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"])
            let (again, body) = try await client.send("POST", "/jobs/f1/retry")
            #expect(again == 409)
            #expect(body["error"] == "JobNotRetryable")
            #expect(body["message"] == "Job 'f1' cannot be retried: it is COMPLETED; only a FAILED job can be")
            let (missing, unknown) = try await client.send("POST", "/jobs/nobody/retry")
            #expect(missing == 404)
            #expect(unknown["error"] == "JobNotFound")
        }
    }

    @Test("A repeated name with the same input answers the job (200); with another input it is a 409")
    func idempotent() async throws {
        try await withService(workflows: Self.workflows) { service in
            let client = service.client
            let (first, job) = try await client.send("POST", "/slow/jobs?name=same", body: #"{"n":1}"#)
            let (second, again) = try await client.send("POST", "/slow/jobs", body: #"{"name":"same","input":{"n":1}}"#)
            #expect(first == 201)
            #expect(second == 200)
            #expect(again["id"] == job["id"])
            #expect(again["createdDate"] == job["createdDate"])
            let (conflict, body) = try await client.send("POST", "/slow/jobs?name=same", body: #"{"n":2}"#)
            #expect(conflict == 409)
            #expect(body["error"] == "JobAlreadyExists")
        }
    }

    @Test("Bad requests: unknown workflow 404, malformed JSON 400, bad name 400, unknown job 404, bad status filter 400")
    func badRequests() async throws {
        try await withService(workflows: Self.workflows) { service in
            let client = service.client
            let cases: [(String, String, String, Int, String)] = [
                ("POST", "/nothing/jobs", "{}", 404, "StateMachineDoesNotExist"),
                ("POST", "/greet/jobs", "{oops", 400, "InvalidInput"),
                ("POST", "/greet/jobs?name=a%20b", "{}", 400, "InvalidName"),
                ("GET", "/jobs/unknown", "", 404, "JobNotFound"),
                ("POST", "/jobs/unknown/cancel", "", 404, "JobNotFound"),
                ("GET", "/jobs?status=SLEEPING", "", 400, "BadRequest"),
                ("GET", "/jobs?maxResults=5000", "", 400, "BadRequest"),
                ("GET", "/jobs?nextToken=zzz", "", 400, "InvalidToken"),
                ("GET", "/no/such/route", "", 404, "NotFound"),
            ]
            for (method, path, body, status, code) in cases {
                let (got, response) = try await client.send(method, path, body: body)
                #expect(got == status, "\(method) \(path)")
                #expect(response["error"] == .string(code), "\(method) \(path)")
            }
            let wrongMethod = try await client.sendRaw("DELETE", "/jobs/x")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers["Allow"] == "GET")
        }
    }

    @Test("Over the concurrency limit jobs are QUEUED, start in order as slots free, and can be cancelled; finished jobs 409")
    func queueing() async throws {
        try await withService(workflows: Self.workflows, config: #"{"workflows":{"slow":{"maxConcurrency":1}}}"#) { service in
            let client = service.client
            for id in ["q1", "q2", "q3"] { _ = try await client.send("POST", "/slow/jobs?name=\(id)") }
            #expect(try await client.send("GET", "/jobs/q1").body["status"] == "RUNNING")
            #expect(try await client.send("GET", "/jobs/q2").body["status"] == "QUEUED")
            #expect(try await client.send("GET", "/jobs/q3").body["status"] == "QUEUED")
            let (_, queued) = try await client.send("GET", "/jobs?workflow=slow&status=QUEUED")
            #expect(queued["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["q3", "q2"])
            let (cancelStatus, cancelled) = try await client.send("POST", "/jobs/q2/cancel")
            #expect(cancelStatus == 200)
            #expect(cancelled["status"] == "CANCELLED")
            let (_, stopped) = try await client.send("POST", "/jobs/q1/cancel")
            #expect(stopped["status"] == "CANCELLED")
            _ = try await client.job("q3") { $0["status"] == "RUNNING" }
            let (again, body) = try await client.send("POST", "/jobs/q1/cancel")
            #expect(again == 409)
            #expect(body["error"] == "JobFinished")
            let (_, page) = try await client.send("GET", "/jobs?maxResults=2")
            #expect(page["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["q3", "q2"])
            let (_, last) = try await client.send("GET", "/jobs?maxResults=2&nextToken=\(page["nextToken"]?.stringValue ?? "")")
            #expect(last["jobs"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["q1"])
            #expect(last["nextToken"] == .null)
        }
    }

    @Test("Queued jobs survive a restart in order, and start when the resumed job ends")
    func queueSurvivesRestart() async throws {
        let config = #"{"workflows":{"slow":{"maxConcurrency":1}}}"#
        let first = try await TestService.start(workflows: Self.workflows, config: config)
        for id in ["r1", "r2", "r3"] { _ = try await first.client.send("POST", "/slow/jobs?name=\(id)") }
        try await first.stop()
        let second = try await TestService.start(workflows: Self.workflows, config: config, directory: first.directory)
        do {
            let client = second.client
            #expect(try await client.send("GET", "/jobs/r1").body["status"] == "RUNNING")
            #expect(try await client.send("GET", "/jobs/r2").body["status"] == "QUEUED")
            #expect(try await client.send("GET", "/jobs/r3").body["status"] == "QUEUED")
            _ = try await client.send("POST", "/jobs/r1/cancel")
            _ = try await client.job("r2") { $0["status"] == "RUNNING" }
            #expect(try await client.send("GET", "/jobs/r3").body["status"] == "QUEUED")
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }

    @Test("A job given a slot but never started before a crash (PENDING) starts at the next start")
    func pendingAfterCrash() async throws {
        let first = try await TestService.start(workflows: Self.workflows)
        try await first.stop()
        let store = try await Store(path: first.directory.appendingPathComponent("stepwise.db").path)
        try await store.createJob(id: "p1", workflow: "greet", stateMachineArn: Definitions.machineArn("greet"), input: "{}", date: Date())
        #expect(try await store.assignJob(id: "p1", executionArn: Definitions.executionArn("greet", "p1")))
        #expect(try await store.job(id: "p1")?.status == .pending)
        try await store.close()
        let second = try await TestService.start(workflows: Self.workflows, directory: first.directory)
        do {
            _ = try await second.client.job("p1") { $0["status"] == "COMPLETED" }
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }

    @Test("GET /health reports the store and the engine")
    func health() async throws {
        try await withService { service in
            let (status, health) = try await service.client.send("GET", "/health")
            #expect(status == 200)
            #expect(health["status"] == "ok")
            #expect(health["store"]?["status"] == "ok")
            #expect(
                health["store"]?["migrations"] == [
                    "v1", "v2", "v3", "v4-map-runs", "v5-cancel-requests", "v6-name-indexes", "v7-versions-and-aliases",
                    "v8-redrive", "v9-configurations", "v10-history-segments",
                ])
            #expect(health["engine"]?["clock"] == "real")
            #expect(health["engine"]?["region"] == "us-east-1")
        }
    }
}
