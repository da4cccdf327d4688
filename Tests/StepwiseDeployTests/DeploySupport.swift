import Foundation
import JSON
import SigV4
import StepwiseDeploy
import StepwiseTesting
import Testing

/// A `stepwise serve` child and a folder of workflow files to deploy to it with the built binary.
struct DeployBench {
    let server: ServeProcess
    /// The working folder of `stepwise deploy`: `workflows/` is in it.
    let directory: URL
    var credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    static let hello = #"{"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "hello", "End": true}}}"#
    static let world = #"{"StartAt": "World", "States": {"World": {"Type": "Pass", "Result": "world", "End": true}}}"#
    static let account = "arn:aws:states:us-east-1:123456789012:stateMachine"

    /// Starts `stepwise serve ARGUMENTS` and writes `files` (name → text) into `workflows/`.
    static func start(_ files: [String: String] = ["hello.asl.json": hello, "world.asl.json": world], serve arguments: [String] = []) async throws
        -> DeployBench
    {
        let directory = try TestSupport.temporaryDirectory()
        let server = try await TestSupport.serve(["--db", directory.appendingPathComponent("s.db").path] + arguments, in: directory)
        let bench = DeployBench(server: server, directory: directory)
        try FileManager.default.createDirectory(at: bench.workflows, withIntermediateDirectories: true)
        for (name, text) in files { try bench.write(name, text) }
        return bench
    }

    var workflows: URL { directory.appendingPathComponent("workflows") }
    var endpoint: String { server.baseURL }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: workflows.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The environment of a deploy: none of the host's AWS settings, HOME in the bench, these keys and region.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = directory.path
        environment["AWS_ACCESS_KEY_ID"] = credentials.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
        environment["AWS_REGION"] = "us-east-1"
        return environment.merging(extra) { $1 }
    }

    /// Runs `stepwise deploy --endpoint-url <the server> ARGUMENTS`.
    func deploy(_ arguments: String..., environment: [String: String]? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await deploy(arguments, environment: environment)
    }

    func deploy(_ arguments: [String], environment: [String: String]? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await TestSupport.execute(
            ["deploy", "--endpoint-url", endpoint] + arguments, in: directory, environment: environment ?? self.environment(), label: "deploy")
    }

    /// Expects `stepwise deploy ARGUMENTS` to exit 0 with nothing on stderr, and to print the plan's header, then
    /// `lines` (each ending in a newline).
    func expectDeploy(_ arguments: String..., prints lines: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await deploy(arguments)
        #expect(result.status == 0, sourceLocation: sourceLocation)
        #expect(result.stderr == "", sourceLocation: sourceLocation)
        #expect(result.stdout == "Plan for \(endpoint) (region us-east-1, credentials: environment):\n" + lines, sourceLocation: sourceLocation)
    }

    /// Calls the server's API directly.
    func call(_ action: String, _ members: JSONObject) async throws -> JSON {
        let client = StepFunctionsClient(endpoint: URL(string: endpoint)!, region: "us-east-1", credentials: credentials)
        return try await client.call(action, members)
    }

    /// The version an alias routes all traffic to (`name:N`).
    func aliasTarget(_ machine: String, _ alias: String) async throws -> [JSON] {
        try await call("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(Self.account):\(machine):\(alias)")])["routingConfiguration"]?
            .arrayValue ?? []
    }

    func stop() { server.process.terminate() }
}
