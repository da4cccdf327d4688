import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting

/// A finished execution: its result and history.
struct ProvisioningRun {
    let result: ExecutionResult
    let history: [HistoryEvent]
    /// `Type` or `Type:state` for each event.
    var trace: [String] { history.map { event in event.stateName.map { "\(event.type.rawValue):\($0)" } ?? event.type.rawValue } }
}

/// Runs `workflows/provisioning.asl.json` on the local services of a data directory and reads back what it did:
/// the SystemRegistry record, the buckets under `<data-dir>/s3/`, the catalogue in `<data-dir>/catalog.sqlite`.
struct Provisioning {
    static let workflow = TestSupport.packageRoot.appendingPathComponent("workflows/provisioning.asl.json")
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Fixtures/provisioning")

    let directory: URL
    var dataDirectory: DataDirectory { DataDirectory(path: directory.appendingPathComponent("data").path) }

    init() throws { directory = try TestSupport.temporaryDirectory() }

    static func fixture(_ name: String) throws -> JSON {
        try JSON(parsing: String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8))
    }

    /// A registration for `system` (and `project`, when given) with the fixture's other fields.
    static func registration(_ system: String, project: String? = nil, replication: Bool = false) throws -> JSON {
        guard case .object(var object) = try fixture("registration.json") else { return .null }
        object["system_name"] = .string(system)
        object["replication"] = .bool(replication)
        if let project { object["project"] = .string(project) }
        return .object(object)
    }

    /// One execution of the workflow; `configure` registers handlers (they win over the local services).
    func run(_ input: JSON, name: String = "provision", configure: (Runtime) -> Void = { _ in }) async throws -> ProvisioningRun {
        let runtime = Runtime(clock: .virtual)
        LocalServices.install(dataDirectory, into: runtime)
        configure(runtime)
        let machine = try StateMachine(text: String(contentsOf: Self.workflow, encoding: .utf8), name: "provisioning")
        let execution = try await runtime.start(machine, input: input, name: name)
        let result = await execution.result
        return ProvisioningRun(result: result, history: await execution.history)
    }

    /// Runs a one-Task workflow against the same local services (to prepare resources "from an earlier run").
    func call(_ resource: String, _ arguments: JSON) async throws -> JSON {
        let definition: JSON = [
            "QueryLanguage": "JSONata", "StartAt": "Call",
            "States": ["Call": ["Type": "Task", "Resource": .string(resource), "Arguments": arguments, "End": true]],
        ]
        let runtime = Runtime(clock: .virtual)
        LocalServices.install(dataDirectory, into: runtime)
        let execution = try await runtime.start(try StateMachine(json: definition, name: "setup"), input: [:], name: "setup")
        let result = await execution.result
        guard result.status == .succeeded else { throw StatesError(result.error ?? "Failed", result.cause ?? "") }
        return result.output ?? .null
    }

    /// The SystemRegistry record of `system` as plain JSON (AttributeValues unwrapped); nil when there is none.
    func registry(_ system: String) async throws -> JSON? {
        let response = try await DynamoDB(dataDirectory: dataDirectory).perform(
            "getItem", input: ["TableName": "SystemRegistry", "Key": ["system_name": ["S": .string(system)]]])
        return response["Item"].map(Self.plain)
    }

    /// A DynamoDB AttributeValue as the JSON value it stands for.
    static func plain(_ value: JSON) -> JSON {
        if let s = value["S"] { return s }
        if let n = value["N"]?.stringValue { return (try? JSON(parsing: n)) ?? .string(n) }
        if let b = value["BOOL"] { return b }
        if value["NULL"] != nil { return .null }
        if let list = value["L"]?.arrayValue { return .array(list.map(plain)) }
        if let map = value["M"]?.objectValue { return .object(JSONObject(map.map { ($0.key, plain($0.value)) })) }
        if let item = value.objectValue { return .object(JSONObject(item.map { ($0.key, plain($0.value)) })) }
        return value
    }

    /// The buckets in the local S3 (folders under `<data-dir>/s3/`), sorted.
    var buckets: [String] {
        let root = dataDirectory.url.appendingPathComponent("s3")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The catalogue's resources as `type name`, sorted.
    func catalog() throws -> [String] {
        try ResourceCatalog(dataDirectory: dataDirectory).list().map { "\($0.type) \($0.name)" }
    }

    func resource(_ type: String, _ name: String) throws -> JSON? {
        try ResourceCatalog(dataDirectory: dataDirectory).list(type: type).first { $0.name == name }?.description
    }

    /// What each scheduled Task of the run was asked, in order: `State name: parameters`.
    static func calls(_ run: ProvisioningRun) -> [(state: String, parameters: JSON)] {
        var state = ""
        var calls: [(state: String, parameters: JSON)] = []
        for event in run.history {
            if event.type == .taskStateEntered { state = event.stateName ?? "" }
            if event.type == .taskScheduled, let text = event.json()["taskScheduledEventDetails"]?["parameters"]?.stringValue {
                calls.append((state, (try? JSON(parsing: text)) ?? .null))
            }
        }
        return calls
    }

    /// The deletions of a rollback, in order, as `State: name`.
    static func deletions(_ run: ProvisioningRun) -> [String] {
        calls(run).filter { ["Delete", "Remove"].contains(where: $0.state.hasPrefix) }.map { call in
            let name = call.parameters["Bucket"] ?? call.parameters["Name"] ?? call.parameters["Rule"] ?? call.parameters["ReplicationTaskArn"]
            return "\(call.state): \(name?.stringValue ?? "?")"
        }
    }

    /// The handlers a Step Functions Local mock config registers for one test case: each mocked state's
    /// resource answers with the first response (`Throw` as a task error, `Return` as the result).
    static func mockedHandlers(testCase: String) throws -> [(resource: String, response: JSON)] {
        let config = try fixture("mock-config.json")
        let definition = try JSON(parsing: String(contentsOf: workflow, encoding: .utf8))
        guard let states = config["StateMachines"]?["provisioning"]?["TestCases"]?[testCase]?.objectValue else { return [] }
        return try states.map { state, responseName in
            guard let resource = definition["States"]?[state]?["Resource"]?.stringValue,
                let response = config["MockedResponses"]?[responseName.stringValue ?? ""]?["0"]
            else { throw StatesError("MockConfig", "test case \(testCase): no state \(state) or response \(responseName)") }
            return (resource, response)
        }
    }

    static func install(testCase: String, into runtime: Runtime) throws {
        for (resource, response) in try mockedHandlers(testCase: testCase) {
            runtime.register(resource) { _, _ in
                if let thrown = response["Throw"] {
                    throw StatesError(thrown["Error"]?.stringValue ?? "", thrown["Cause"]?.stringValue ?? "")
                }
                return response["Return"] ?? [:]
            }
        }
    }
}

extension JSON {
    /// The replication task ARN's generated id replaced by `<generated>`, as in the expected-output fixtures.
    var maskingGeneratedIDs: JSON {
        let masked = serialized().replacingOccurrences(of: #"task:[A-Z2-7]{26}"#, with: "task:<generated>", options: .regularExpression)
        return (try? JSON(parsing: masked)) ?? self
    }
}
