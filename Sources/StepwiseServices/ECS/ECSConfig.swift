import Foundation
import JSON
import Stepwise

/// The ECS file, `<data-dir>/ecs.json` (docs/integrations.md#ecs): the clusters with their services as
/// DescribeServices reports them, and the task definitions whose containers RunTask runs as local commands.
///
/// ```json
/// {"clusters": {"registry": {"services": {"validator": {"desiredCount": 2, "runningCount": 0}}}},
///  "taskDefinitions": {"registry-migrate": {"directory": "../tools",
///                      "containers": [{"name": "migrate", "command": ["./migrate.sh"], "environment": {"STAGE": "local"}}]}}}
/// ```
struct ECSConfig: Sendable {
    /// Each cluster's services as written (camelCase members of AWS's `Service`).
    let clusters: [String: [String: JSON]]
    let taskDefinitions: [String: ECSTaskDefinition]

    static let fileName = "ecs.json"

    /// Reads the file; no file is a configuration without clusters or task definitions.
    static func load(_ file: URL) throws -> ECSConfig {
        guard let data = FileManager.default.contents(atPath: file.path) else { return ECSConfig(clusters: [:], taskDefinitions: [:]) }
        let place = file.lastPathComponent
        guard let root = try? JSON(parsing: String(decoding: data, as: UTF8.self)), let object = root.objectValue else {
            throw ECSError.invalid("\(place) must be a JSON object with \"clusters\" and \"taskDefinitions\"")
        }
        var clusters: [String: [String: JSON]] = [:]
        for (name, cluster) in object["clusters"]?.objectValue ?? [:] {
            guard let services = (cluster["services"] ?? [:]).objectValue else {
                throw ECSError.invalid("\(place): clusters.\(name).services must be an object")
            }
            clusters[name] = Dictionary(uniqueKeysWithValues: services.map { ($0.key, $0.value) })
        }
        var definitions: [String: ECSTaskDefinition] = [:]
        for (name, entry) in object["taskDefinitions"]?.objectValue ?? [:] {
            definitions[name] = try ECSTaskDefinition(
                name: name, json: entry, folder: file.deletingLastPathComponent(), place: "\(place): taskDefinitions.\(name)")
        }
        return ECSConfig(clusters: clusters, taskDefinitions: definitions)
    }

    /// The task definition named `reference`: `family` (its latest revision in the file), `family:revision` or its ARN.
    func taskDefinition(_ reference: String) -> ECSTaskDefinition? {
        var name = reference
        if name.hasPrefix("arn:"), let range = name.range(of: ":task-definition/") { name = String(name[range.upperBound...]) }
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        let revision = parts.count > 1 ? Int(parts[1]) : nil
        return taskDefinitions.values.filter { $0.family == parts.first && (revision == nil || $0.revision == revision) }
            .max { $0.revision < $1.revision }
    }

    /// The cluster's name from a name or an ARN (`arn:aws:ecs:REGION:ACCOUNT:cluster/NAME`); `default` when absent.
    static func clusterName(_ reference: String?) -> String {
        guard let reference, !reference.isEmpty else { return "default" }
        guard reference.hasPrefix("arn:"), let range = reference.range(of: ":cluster/") else { return reference }
        return String(reference[range.upperBound...])
    }

    /// The service's name from a name or an ARN (`…:service/NAME` or `…:service/CLUSTER/NAME`).
    static func serviceName(_ reference: String) -> String {
        guard reference.hasPrefix("arn:"), let range = reference.range(of: ":service/") else { return reference }
        return String(reference[range.upperBound...].split(separator: "/").last ?? "")
    }
}

/// A task definition of the ECS file: its containers, each a local command.
struct ECSTaskDefinition: Sendable {
    struct Container: Sendable {
        let name: String
        let command: [String]
        let environment: [String: String]
    }

    let family: String
    let revision: Int
    let containers: [Container]
    /// Where the commands run: `directory` against the file's folder, else that folder.
    let directory: URL
    let cpu: String
    let memory: String

    static let fields: Set<String> = ["containers", "directory", "revision", "cpu", "memory", "description"]

    init(name: String, json: JSON, folder: URL, place: String) throws {
        guard let object = json.objectValue else { throw ECSError.invalid("\(place) must be an object") }
        if let unknown = object.keys.first(where: { !Self.fields.contains($0) }) {
            throw ECSError.invalid("\(place): unknown field '\(unknown)' (known: \(Self.fields.sorted().joined(separator: ", ")))")
        }
        let parts = name.split(separator: ":")
        family = parts.first.map(String.init) ?? name
        revision = object["revision"]?.intValue ?? (parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
        let path = object["directory"]?.stringValue
        directory = (path.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : folder.appendingPathComponent($0) } ?? folder).standardizedFileURL
        cpu = object["cpu"]?.stringValue ?? "256"
        memory = object["memory"]?.stringValue ?? "512"
        guard let list = object["containers"]?.arrayValue, !list.isEmpty else {
            throw ECSError.invalid("\(place).containers must be a non-empty array")
        }
        containers = try list.enumerated().map { index, entry in
            let at = "\(place).containers[\(index)]"
            guard let name = entry["name"]?.stringValue else { throw ECSError.invalid("\(at).name must be a string") }
            let command = entry["command"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard !command.isEmpty, command.count == entry["command"]?.arrayValue?.count else {
                throw ECSError.invalid("\(at).command must be a non-empty array of strings")
            }
            var environment: [String: String] = [:]
            for (key, value) in entry["environment"]?.objectValue ?? [:] {
                guard let text = value.stringValue else { throw ECSError.invalid("\(at).environment.\(key) must be a string") }
                environment[key] = text
            }
            return Container(name: name, command: command, environment: environment)
        }
    }
}

/// ECS's errors as Step Functions names them (`Ecs.<Exception>`), with AWS's messages.
enum ECSError {
    static func invalid(_ message: String) -> StatesError { StatesError("Ecs.InvalidParameterException", message) }

    static let clusterNotFound = StatesError("Ecs.ClusterNotFoundException", "Cluster not found.")

    static let taskDefinitionNotFound = StatesError("Ecs.ClientException", "Unable to describe task definition.")
}
