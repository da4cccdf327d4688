import Foundation
import JSON
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `stepwise serve --workflows workflows` with the real binary: the portal's jobs through the REST API, with the
/// settings of workflows/stepwise.json (job id = input jobId, cooperative cancel, job-ended on hard endings).
@Suite("Portal: stepwise serve --workflows workflows", .serialized, .heavy, .timeLimit(.minutes(5)))
struct PortalServeTests {
    /// A running `stepwise serve` on a fresh database and `directory`, on a port the system chose.
    struct Server {
        let process: Process
        let base: URL

        static func start(_ directory: URL) async throws -> Server {
            let work = directory.deletingLastPathComponent()
            let process = try TestSupport.spawn(
                [
                    "serve", "--port", "0", "--db", work.appendingPathComponent("serve.db").path, "--data-dir", directory.path,
                    "--workflows", TestSupport.packageRoot.appendingPathComponent("workflows").path,
                ],
                in: work, label: "serve")
            for _ in 0..<1000 {
                let log = (try? String(contentsOf: work.appendingPathComponent("serve.err"), encoding: .utf8)) ?? ""
                if let line = log.split(separator: "\n").first(where: { $0.contains("listening on ") }),
                    let address = line.split(separator: " ").last, let url = URL(string: String(address))
                {
                    return Server(process: process, base: url)
                }
                guard process.isRunning else { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            process.terminate()
            await process.exited()
            throw Portal.ProbeFailed(message: (try? String(contentsOf: work.appendingPathComponent("serve.err"), encoding: .utf8)) ?? "no log")
        }

        func send(_ method: String, _ path: String, _ body: JSON? = nil) async throws -> (status: Int, body: JSON) {
            var request = URLRequest(url: URL(string: path, relativeTo: base)!)
            request.httpMethod = method
            if let body {
                request.httpBody = Data(body.serialized().utf8)
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, (try? JSON(parsing: data)) ?? .null)
        }

        /// Polls `GET /jobs/{id}` until `predicate` holds (at most 60 s).
        func job(_ id: String, until predicate: (JSON) -> Bool) async throws -> JSON {
            for _ in 0..<3000 {
                let (_, job) = try await send("GET", "/jobs/\(id)")
                if predicate(job) { return job }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw Portal.ProbeFailed(message: "job \(id) never reached the expected state")
        }

        func stop() async {
            process.interrupt()
            await process.exited()
        }
    }

    /// POST /migration/jobs names the job after the input's jobId; POST /jobs/{id}/cancel writes CANCELLED on the
    /// job record (cancel-job), the migration finishes the batches in flight and ends with the counts of what it
    /// did: no subscriber in one store only, the record CANCELLED.
    @Test("REST cancel in the middle of a DUAL_PROV migration: job CANCELLED, nothing half-provisioned")
    func cancelThroughREST() async throws {
        let directory = try Portal.dataDirectory(["imports/many.csv": try await Portal.generated(3000, prefix: "h")])
        let server = try await Server.start(directory)
        defer { server.process.terminate() }
        let input: JSON = ["jobId": "job-rest", "mode": "DUAL_PROV", "bucket": "portal-data", "key": "imports/many.csv", "batchSize": 10]
        let (status, created) = try await server.send("POST", "/migration/jobs", input)
        #expect(status == 201)
        #expect(created["id"] == "job-rest")
        #expect(created["input"] == input)
        _ = try await Portal.job(directory, "job-rest") { ($0["processed_records"]?.intValue ?? 0) >= 50 }
        let (cancelStatus, cancelling) = try await server.send("POST", "/jobs/job-rest/cancel")
        #expect(cancelStatus == 202)
        #expect(cancelling["status"] == "RUNNING")
        let done = try await server.job("job-rest") { $0["status"] != "RUNNING" }
        // The execution wound down by itself after the cancel request: the job reads CANCELLED, and so does its output.
        #expect(done["status"] == "CANCELLED")
        let output = try #require(done["output"])
        #expect(output["status"] == "CANCELLED")
        let processed = try #require(output["processed"]?.intValue)
        #expect(processed >= 50 && processed < 3000 && processed % 10 == 0)
        let job = try await Portal.job(directory, "job-rest")
        #expect(job["job_status"] == "CANCELLED")
        #expect(job["processed_records"] == output["processed"])
        #expect(job["finished_at"]?.stringValue?.isEmpty == false)
        let cloud = try await Portal.cloud(directory)
        let legacy = try await Portal.legacy(directory)
        #expect(Set(cloud.keys) == Set(legacy.keys))
        #expect(cloud.count == output["succeeded"]?.intValue)
        let (again, finished) = try await server.send("POST", "/jobs/job-rest/cancel")
        #expect(again == 409)
        #expect(finished["error"] == "JobFinished")
        await server.stop()
    }

    /// An execution stopped through the AWS API cannot record anything itself: job-ended (onEnd) does, from the
    /// status change event. A job given no jobId gets the job's id as its jobId.
    @Test("A job stopped outright is recorded CANCELLED by job-ended; a job without jobId is named by the server")
    func stoppedJobIsRecorded() async throws {
        let directory = try Portal.dataDirectory(["imports/many.csv": try await Portal.generated(3000, prefix: "k")])
        let server = try await Server.start(directory)
        defer { server.process.terminate() }
        let (_, created) = try await server.send("POST", "/migration/jobs", ["mode": "CLOUD", "bucket": "portal-data", "key": "imports/many.csv"])
        let id = try #require(created["id"]?.stringValue)
        #expect(created["input"]?["jobId"] == .string(id))
        _ = try await server.job(id) { $0["status"] == "RUNNING" }
        _ = try await Portal.job(directory, id) { ($0["processed_records"]?.intValue ?? 0) >= 100 }
        var stop = URLRequest(url: server.base)
        stop.httpMethod = "POST"
        stop.setValue("AWSStepFunctions.StopExecution", forHTTPHeaderField: "X-Amz-Target")
        stop.setValue("application/x-amz-json-1.0", forHTTPHeaderField: "Content-Type")
        stop.httpBody = Data(JSON.object(["executionArn": created["executionArn"] ?? .null]).serialized().utf8)
        _ = try await URLSession.shared.data(for: stop)
        #expect(try await server.job(id) { $0["status"] != "RUNNING" }["status"] == "CANCELLED")
        let job = try await Portal.job(directory, id) { $0["job_status"] != "RUNNING" }
        #expect(job["job_status"] == "CANCELLED")
        #expect(job["error"] == "Execution stopped")
        #expect(job["finished_at"]?.stringValue?.isEmpty == false)
        #expect((job["processed_records"]?.intValue ?? 0) >= 100)
        await server.stop()
    }

    /// A time-out cannot be waited for in a test (3,600 s); job-ended is run on the event AWS would send.
    @Test("job-ended marks a timed-out job FAILED with States.Timeout, and leaves a finished job alone")
    func timedOutJob() async throws {
        let directory = try Portal.dataDirectory(["imports/clean.csv": try Portal.fixture("subscribers-clean.csv")])
        _ = try await Portal.run("migration", directory, ["jobId": "job-done", "mode": "CLOUD", "bucket": "portal-data", "key": "imports/clean.csv"])
        _ = try await Portal.probe(
            directory, "arn:aws:states:::dynamodb:putItem",
            [
                "TableName": "Jobs", "Item": ["job_id": ["S": "job-late"], "job_type": ["S": "EXPORT"], "job_status": ["S": "RUNNING"]],
            ])
        func event(_ job: String, _ status: String) -> JSON {
            [
                "detail-type": "Step Functions Execution Status Change", "source": "aws.states",
                "detail": [
                    "name": .string(job), "status": .string(status), "input": .string(#"{"jobId":"\#(job)"}"#), "error": .null, "cause": .null,
                ],
            ]
        }
        #expect(try await Portal.run("job-ended", directory, event("job-late", "TIMED_OUT")).output == ["jobId": "job-late", "status": "TIMED_OUT"])
        let late = try await Portal.job(directory, "job-late")
        #expect(late["job_status"] == "FAILED")
        #expect(late["error"] == "States.Timeout: the execution timed out")
        _ = try await Portal.run("job-ended", directory, event("job-done", "FAILED"))
        #expect(try await Portal.job(directory, "job-done")["job_status"] == "COMPLETED")
    }
}
