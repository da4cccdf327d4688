import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseServer
import StepwiseTesting

/// A started `ServiceHost` on 127.0.0.1, a kernel-chosen port and a temporary database, with a client.
struct TestService {
    let host: ServiceHost
    let directory: URL
    let client: APIClient

    var stepFunctions: StepFunctionsService { host.stepFunctions }

    /// Starts a service; `workflows` become `NAME.asl.json` files, `config` the `stepwise.json`.
    /// `configure` adjusts the options (store, retention); `log` receives the lines `stepwise serve` prints on stderr.
    static func start(
        workflows: [String: String] = [:], config: String? = nil, directory: URL? = nil, configure: (inout ServeOptions) -> Void = { _ in },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> TestService {
        let directory = try directory ?? TestSupport.temporaryDirectory()
        let flows = directory.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        for (name, text) in workflows {
            try text.write(to: flows.appendingPathComponent("\(name).asl.json"), atomically: true, encoding: .utf8)
        }
        if let config { try config.write(to: flows.appendingPathComponent("stepwise.json"), atomically: true, encoding: .utf8) }
        var options = ServeOptions(
            port: 0, databasePath: directory.appendingPathComponent("stepwise.db").path,
            workflowsDirectory: flows.path)
        configure(&options)
        let host = try await ServiceHost.start(options, log: log)
        return TestService(host: host, directory: directory, client: try APIClient(port: await host.port))
    }

    func stop() async throws { try await host.shutdown() }
}

/// Runs `body` against a fresh service, then shuts it down.
func withService<T>(
    workflows: [String: String] = [:], config: String? = nil, directory: URL? = nil, configure: (inout ServeOptions) -> Void = { _ in },
    log: @escaping @Sendable (String) -> Void = { _ in }, _ body: (TestService) async throws -> T
) async throws -> T {
    let service = try await TestService.start(workflows: workflows, config: config, directory: directory, configure: configure, log: log)
    do {
        let result = try await body(service)
        try await service.stop()
        return result
    } catch {
        try? await service.stop()
        throw error
    }
}

/// A keep-alive client for both APIs.
final class APIClient: Sendable {
    let raw: RawClient

    init(port: UInt16, readTimeoutSeconds: Int = 5) throws { raw = try RawClient(port: port, readTimeoutSeconds: readTimeoutSeconds) }

    /// Sends an AWS JSON request; answers the status and the parsed body.
    func call(_ action: String, _ members: JSON = [:], target: String? = nil) async throws -> (status: Int, body: JSON) {
        try await send(
            "POST", "/", body: members.serialized(),
            headers: ["X-Amz-Target: \(target ?? "AWSStepFunctions.\(action)")", "Content-Type: application/x-amz-json-1.0"])
    }

    /// Sends an AWS JSON request that must succeed; answers its output.
    func ok(_ action: String, _ members: JSON = [:]) async throws -> JSON {
        let (status, body) = try await call(action, members)
        guard status == 200 else { throw ClientError(description: "\(action) answered \(status): \(body)") }
        return body
    }

    /// Sends any request; answers the status and the body parsed as JSON (`.string` of the text if it is not JSON).
    func send(_ method: String, _ target: String, body: String = "", headers: [String] = []) async throws -> (status: Int, body: JSON) {
        let response = try await sendRaw(method, target, body: body, headers: headers)
        return (response.status, (try? JSON(parsing: response.body)) ?? .string(response.text))
    }

    func sendRaw(_ method: String, _ target: String, body: String = "", headers: [String] = []) async throws -> RawResponse {
        // A body is JSON unless the test says otherwise (the REST API refuses others, BrowserGuard).
        let declared = headers.contains { $0.lowercased().hasPrefix("content-type:") }
        let type = body.isEmpty || declared ? [] : ["Content-Type: application/json"]
        let head =
            (["\(method) \(target) HTTP/1.1", "Host: localhost", "Content-Length: \(body.utf8.count)"] + type + headers)
            .joined(separator: "\r\n") + "\r\n\r\n"
        try await raw.send(head + body)
        guard let response = try await raw.readResponse() else { throw ClientError(description: "the server closed the connection") }
        return response
    }
}

/// Definitions used across the tests.
enum Definitions {
    static let pass = #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"done":true},"End":true}}}"#
    static let echo = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#
    static let slow = #"{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}"#
    static let fail = #"{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Oops","Cause":"it broke"}}}"#
    static let role = "arn:aws:iam::123456789012:role/test"
    static let prefix = "arn:aws:states:us-east-1:123456789012"

    static func machineArn(_ name: String) -> String { "\(prefix):stateMachine:\(name)" }
    static func executionArn(_ machine: String, _ name: String) -> String { "\(prefix):execution:\(machine):\(name)" }
}

extension APIClient {
    /// Creates a state machine; answers its ARN.
    @discardableResult
    func createMachine(_ name: String, _ definition: String = Definitions.pass, type: String = "STANDARD") async throws -> String {
        try await ok(
            "CreateStateMachine",
            [
                "name": .string(name), "definition": .string(definition), "roleArn": .string(Definitions.role), "type": .string(type),
            ])["stateMachineArn"]?.stringValue ?? ""
    }

    /// Starts an execution; answers its ARN.
    func start(_ machineArn: String, name: String? = nil, input: String = "{}") async throws -> String {
        var members: JSONObject = ["stateMachineArn": .string(machineArn), "input": .string(input)]
        if let name { members["name"] = .string(name) }
        return try await ok("StartExecution", .object(members))["executionArn"]?.stringValue ?? ""
    }

    /// Polls DescribeExecution until the execution has ended (at most 5 s); answers the description.
    func finished(_ executionArn: String) async throws -> JSON {
        for _ in 0..<500 {
            let description = try await ok("DescribeExecution", ["executionArn": .string(executionArn)])
            if description["status"]?.stringValue != "RUNNING" { return description }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ClientError(description: "\(executionArn) still RUNNING after 5 s")
    }

    /// Polls `GET /jobs/{id}` until `predicate` holds (at most 5 s); answers the job.
    func job(_ id: String, until predicate: (JSON) -> Bool) async throws -> JSON {
        for _ in 0..<500 {
            let (_, job) = try await send("GET", "/jobs/\(id)")
            if predicate(job) { return job }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ClientError(description: "job \(id) never reached the expected state")
    }
}

/// An AWS error body: `(code after '#', message)`.
func awsError(_ body: JSON) -> (type: String, message: String) {
    (body["__type"]?.stringValue ?? "", body["message"]?.stringValue ?? "")
}
