import Foundation
import JSON
import StepwiseServices
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The registry's health check (workflows/health-check.asl.json) end to end with the built binary: real HTTP to
/// Fixtures/registry/health/validator.py on a port the system chooses, the local ECS seeded from
/// Fixtures/registry/health/ecs.json, and the outbox the alarm lands in.
@Suite("Registry health check: workflows/health-check.asl.json", .serialized, .timeLimit(.minutes(3)))
struct HealthCheckTests {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Fixtures/registry/health")
    static let workflow = TestSupport.packageRoot.appendingPathComponent("workflows/health-check.asl.json")

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// The validator stand-in: its URL and the requests it received.
    final class Validator: Sendable {
        let process: Process
        let url: String
        let log: URL

        init(mode: String, in directory: URL) async throws {
            log = directory.appendingPathComponent("validator-\(mode).out")
            (process, url) = try await PythonServer.start(
                HealthCheckTests.fixtures.appendingPathComponent("validator.py"), ["--mode", mode], in: directory, output: log)
        }

        /// The requests received, in order.
        var requests: [String] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").dropFirst().map(String.init) }

        func stop() { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs the health check (virtual time: the retry waits pass at once) against the validator in `mode`.
    static func check(mode: String, _ extra: JSONObject = [:]) async throws -> (output: JSON, requests: [String], outbox: [OutboxMessage]) {
        let directory = try TestSupport.temporaryDirectory()
        let validator = try await Validator(mode: mode, in: directory)
        defer { validator.stop() }
        var input = extra
        input["endpoint"] = .string(validator.url + "/health")
        let data = directory.appendingPathComponent("data")
        let (status, stdout) = try await TestSupport.execute(
            [
                "run", workflow.path, "--virtual-time", "--json", "--data-dir", data.path, "--seed",
                fixtures.appendingPathComponent("seed.json").path, "--input", JSON.object(input).serialized(),
            ], in: directory)
        let result = try JSON(parsing: stdout)
        guard status == 0, result["status"] == "SUCCEEDED" else { throw Failed(description: "the health check ended \(status): \(stdout)") }
        let outbox = try Outbox(dataDirectory: DataDirectory(path: data.path)).messages()
        return (result["output"] ?? .null, validator.requests, outbox)
    }

    @Test("A healthy validator: one request, output healthy, no alarm")
    func healthy() async throws {
        let (output, requests, outbox) = try await Self.check(mode: "ok")
        #expect(output["status"] == "healthy")
        #expect(output["statusCode"] == 200)
        #expect(output["endpoint"]?.stringValue?.hasSuffix("/health") == true)
        #expect(requests == ["GET /health"])
        #expect(outbox.isEmpty)
    }

    @Test("/health answering 500: three attempts, then exactly one alarm naming the failure and the ECS counts")
    func failing() async throws {
        let (output, requests, outbox) = try await Self.check(mode: "error")
        #expect(requests == ["GET /health", "GET /health", "GET /health"])
        #expect(output["status"] == "unhealthy")
        #expect(output["error"] == "States.Http.StatusCode.500")
        #expect(output["problem"] == #"it answered 500 Internal Server Error {"status":"failing","reason":"model store unreachable"}"#)
        #expect(
            output["service"] == [
                "cluster": "registry", "name": "validator", "status": "ACTIVE", "runningCount": 0, "desiredCount": 2, "pendingCount": 1,
            ])
        #expect(outbox.count == 1)
        let alarm = try #require(outbox.first)
        #expect(alarm.service == "sns")
        #expect(alarm.action == "publish")
        #expect(output["alarmMessageId"]?.stringValue == alarm.messageId)
        #expect(alarm.request["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:registry-alarms")
        #expect(alarm.request["Subject"] == "Registry validator unhealthy: States.Http.StatusCode.500 (0/2 tasks running)")
        let endpoint = output["endpoint"]?.stringValue ?? ""
        #expect(
            alarm.request["Message"]?.stringValue == """
                GET \(endpoint) failed (States.Http.StatusCode.500): it answered 500 Internal Server Error {"status":"failing","reason":"model store unreachable"}
                ECS service validator in cluster registry: 0 of 2 tasks running, 1 pending, status ACTIVE.
                Latest event: (service validator) (task 3f2a9c0d1e) failed container health checks.
                """)
    }

    @Test("/health hanging past the time-out: three timed-out attempts, then one alarm")
    func hanging() async throws {
        let (output, requests, outbox) = try await Self.check(mode: "hang", ["timeoutSeconds": 1])
        #expect(requests == ["GET /health", "GET /health", "GET /health"])
        #expect(output["status"] == "unhealthy")
        #expect(output["error"] == "States.Timeout")
        #expect(output["problem"] == "no answer within 1 seconds")
        #expect(outbox.count == 1)
        #expect(outbox.first?.request["Subject"] == "Registry validator unhealthy: States.Timeout (0/2 tasks running)")
    }

    @Test("A service ECS does not know: the alarm says it could not be described")
    func unknownService() async throws {
        let (output, _, outbox) = try await Self.check(mode: "error", ["service": "nope"])
        #expect(output["service"] == ["cluster": "registry", "name": "nope"])
        #expect(outbox.count == 1)
        #expect(outbox.first?.request["Subject"] == "Registry nope unhealthy: States.Http.StatusCode.500")
        #expect(
            outbox.first?.request["Message"]?.stringValue?.hasSuffix("ECS service nope in cluster registry could not be described: MISSING.") == true)
    }

    @Test("Served with a schedule: scheduled jobs check the validator; each unhealthy run publishes one alarm")
    func scheduled() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let validator = try await Validator(mode: "error", in: directory)
        defer { validator.stop() }
        let flows = directory.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.workflow, to: flows.appendingPathComponent("health-check.asl.json"))
        let config: JSON = [
            "seed": ["ecs": ["file": .string(Self.fixtures.appendingPathComponent("ecs.json").path)]],
            "workflows": ["health-check": ["schedule": ["everySeconds": 1, "input": ["endpoint": .string(validator.url + "/health")]]]],
        ]
        try config.serialized().write(to: flows.appendingPathComponent("stepwise.json"), atomically: true, encoding: .utf8)
        let data = directory.appendingPathComponent("data")
        let server = try await TestSupport.serve(
            ["--virtual-time", "--db", directory.appendingPathComponent("serve.db").path, "--data-dir", data.path, "--workflows", flows.path],
            in: directory)
        defer { kill(server.process.processIdentifier, SIGKILL) }
        var job: JSON = .null
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let (body, _) = try await URLSession.shared.data(from: URL(string: server.baseURL + "/jobs?workflow=health-check")!)
            let jobs = (try JSON(parsing: body))["jobs"]?.arrayValue ?? []
            if let done = jobs.last(where: { $0["status"] == "COMPLETED" }) {
                job = done
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(job["id"]?.stringValue?.hasPrefix("scheduled-health-check-") == true)
        #expect(job["output"]?["status"] == "unhealthy")
        #expect(job["output"]?["service"]?["runningCount"] == 0)
        let alarms = try Outbox(dataDirectory: DataDirectory(path: data.path)).messages().filter {
            $0.executionArn == job["executionArn"]?.stringValue
        }
        #expect(alarms.count == 1)
        #expect(alarms.first?.request["Subject"] == "Registry validator unhealthy: States.Http.StatusCode.500 (0/2 tasks running)")
        #expect(server.logText.contains("started scheduled job \(job["id"]?.stringValue ?? "?") of health-check"))
    }
}
