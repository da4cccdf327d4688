import Foundation
import JSON
import Stepwise
import StepwiseIntegrations

/// A stand-in for Amazon ECS: `arn:aws:states:::ecs:runTask` (and `.sync`, which waits for the task to stop),
/// `arn:aws:states:::aws-sdk:ecs:describeServices|runTask|describeTasks|stopTask`. Clusters, services and task
/// definitions come from `<data-dir>/ecs.json` (``ECSConfig``, read at each call); a task runs its definition's
/// containers as local commands (`StepwiseIntegrations`' `CommandRunner`), concurrently, and is remembered in the
/// ``ResourceCatalog`` (type `ecs:task`, by task id) in AWS's `Task` shape.
package struct ECSService: LocalService {
    package let name = "ecs"
    let catalog: ResourceCatalog
    let configFile: URL

    package static let taskType = "ecs:task"

    package init(dataDirectory: DataDirectory, catalog: ResourceCatalog, configFile: URL? = nil) {
        self.catalog = catalog
        self.configFile = configFile ?? dataDirectory.url.appendingPathComponent(ECSConfig.fileName)
    }

    static let optimizedActions: Set<String> = ["runTask", "runTask.sync"]
    static let sdkActions: Set<String> = ["describeServices", "runTask", "describeTasks", "stopTask"]

    package func supports(_ action: String, sdk: Bool) -> Bool { (sdk ? Self.sdkActions : Self.optimizedActions).contains(action) }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let request = ServiceRequest(input: input, validationError: "Ecs.InvalidParameterException")
        let (region, account) = ServiceSupport.regionAndAccount(context)
        let arns = ECSArns(region: region, account: account)
        switch action {
        case "describeServices":
            return try describeServices(request, arns)
        case "runTask", "runTask.sync":
            let started = try start(request, arns, startedBy: try request.string("StartedBy") ?? "AWS Step Functions")
            guard action == "runTask.sync" else { return ["Tasks": [ServiceSupport.pascalCase(started.record)], "Failures": []] }
            await context.submitted(["Tasks": [ServiceSupport.pascalCase(started.record)], "Failures": []])
            let ended = await withTaskCancellationHandler {
                await started.task.value
            } onCancel: {
                Self.running.stop(started.key)
            }
            try Task.checkCancellation()
            let output = ServiceSupport.pascalCase(ended)
            let failed = (ended["containers"]?.arrayValue ?? []).contains { $0["exitCode"]?.intValue != 0 }
            if failed { throw StatesError(StatesError.Name.taskFailed, output.serialized()) }
            return output
        case "describeTasks":
            let cluster = ECSConfig.clusterName(try request.string("Cluster"))
            var tasks: [JSON] = []
            var failures: [JSON] = []
            for reference in try request.array("Tasks") ?? [] {
                let text = reference.stringValue ?? ""
                let id = String(text.split(separator: "/").last ?? "")
                if let task = try catalog.get(Self.taskType, id), task["clusterArn"]?.stringValue == arns.cluster(cluster) {
                    tasks.append(ServiceSupport.pascalCase(task))
                } else {
                    failures.append(["Arn": .string(text.hasPrefix("arn:") ? text : arns.task(cluster, id)), "Reason": "MISSING"])
                }
            }
            return ["Tasks": .array(tasks), "Failures": .array(failures)]
        case "stopTask":
            let id = String(try request.required("Task").split(separator: "/").last ?? "")
            let reason = try request.string("Reason") ?? "Task stopped by user"
            guard try catalog.get(Self.taskType, id) != nil else { throw request.invalid("The referenced task was not found.") }
            Self.stopReasons.set(key(id), reason)
            if let task = Self.running.stop(key(id)) { _ = await task.value }
            _ = Self.stopReasons.take(key(id))
            return ["Task": ServiceSupport.pascalCase(try catalog.get(Self.taskType, id) ?? .null)]
        default:
            throw request.invalid("Unsupported action \(action)")
        }
    }

    /// DescribeServices: the cluster's services as the ECS file writes them, with the members AWS always
    /// answers filled in; a service the cluster does not have is a `MISSING` failure, as AWS reports it.
    func describeServices(_ request: ServiceRequest, _ arns: ECSArns) throws -> JSON {
        let config = try ECSConfig.load(configFile)
        let cluster = ECSConfig.clusterName(try request.string("Cluster"))
        guard let services = config.clusters[cluster] else { throw ECSError.clusterNotFound }
        let names = try request.array("Services") ?? []
        guard !names.isEmpty else { throw request.invalid("Services cannot be empty.") }
        guard names.count <= 10 else { throw request.invalid("Services cannot have more than 10 items.") }
        var found: [JSON] = []
        var failures: [JSON] = []
        for reference in names {
            let name = ECSConfig.serviceName(reference.stringValue ?? "")
            guard let service = services[name]?.objectValue else {
                failures.append(["Arn": .string(arns.service(cluster, name)), "Reason": "MISSING"])
                continue
            }
            var record = service
            let desired = service["desiredCount"] ?? 1
            let defaults: [(String, JSON)] = [
                ("serviceArn", .string(arns.service(cluster, name))), ("serviceName", .string(name)),
                ("clusterArn", .string(arns.cluster(cluster))), ("status", "ACTIVE"), ("desiredCount", desired),
                ("runningCount", desired), ("pendingCount", 0), ("launchType", "FARGATE"), ("schedulingStrategy", "REPLICA"),
                ("deployments", []), ("events", []),
            ]
            for (key, value) in defaults where record[key] == nil { record[key] = value }
            found.append(ServiceSupport.pascalCase(.object(record)))
        }
        return ["Services": .array(found), "Failures": .array(failures)]
    }

    /// The services of the ECS file at `file` as `CLUSTER/SERVICE` with their description as written (none when
    /// there is no readable file), for `stepwise data`.
    static func services(in file: URL) -> [(String, JSON)] {
        guard let config = try? ECSConfig.load(file) else { return [] }
        return config.clusters.flatMap { cluster, services in services.map { ("\(cluster)/\($0.key)", $0.value) } }
    }

    func key(_ id: String) -> String { configFile.path + "|" + id }

    /// The tasks running in this process, by ECS file and task id.
    static let running = RunningCommands()
    /// The reason a StopTask gave, read when the stopped task is recorded.
    static let stopReasons = StopReasons()
}

/// The ARNs of one region and account.
struct ECSArns {
    let region: String
    let account: String

    func cluster(_ name: String) -> String { "arn:aws:ecs:\(region):\(account):cluster/\(name)" }
    func service(_ cluster: String, _ name: String) -> String { "arn:aws:ecs:\(region):\(account):service/\(cluster)/\(name)" }
    func task(_ cluster: String, _ id: String) -> String { "arn:aws:ecs:\(region):\(account):task/\(cluster)/\(id)" }
    func taskDefinition(_ family: String, _ revision: Int) -> String {
        "arn:aws:ecs:\(region):\(account):task-definition/\(family):\(revision)"
    }
}
