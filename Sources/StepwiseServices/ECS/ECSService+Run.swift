import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Synchronization

extension ECSService {
    /// A started task: its first record, the task running its containers, and its key among the running tasks.
    struct Started {
        let record: JSON
        let task: Task<JSON, Never>
        let key: String
    }

    /// RunTask (one task: `Count` above 1 is refused): records the task PENDING and runs its containers in the
    /// background. A container override's `Environment` is added to the container's, its `Command` replaces it.
    func start(_ request: ServiceRequest, _ arns: ECSArns, startedBy: String) throws -> Started {
        let config = try ECSConfig.load(configFile)
        let cluster = ECSConfig.clusterName(try request.string("Cluster"))
        guard config.clusters[cluster] != nil else { throw ECSError.clusterNotFound }
        guard let definition = config.taskDefinition(try request.required("TaskDefinition")) else { throw ECSError.taskDefinitionNotFound }
        guard (try request.int("Count") ?? 1) == 1 else { throw request.invalid("Count above 1 is not supported by the local ECS") }
        let overrides = request["Overrides"]?["ContainerOverrides"]?.arrayValue ?? []
        var commands: [(ECSTaskDefinition.Container, [String], [String: String])] = definition.containers.map { ($0, $0.command, $0.environment) }
        for override in overrides {
            let name = override["Name"]?.stringValue ?? ""
            guard let index = commands.firstIndex(where: { $0.0.name == name }) else {
                throw request.invalid("Override for container named \(name) is not a container in the TaskDefinition.")
            }
            for variable in override["Environment"]?.arrayValue ?? [] {
                guard let key = variable["Name"]?.stringValue, let value = variable["Value"]?.stringValue else {
                    throw request.invalid("Environment variables of container \(name) must have a Name and a Value")
                }
                commands[index].2[key] = value
            }
            if let command = override["Command"]?.arrayValue?.compactMap(\.stringValue), !command.isEmpty { commands[index].1 = command }
        }
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let taskArn = arns.task(cluster, id)
        let now = ServiceSupport.timestamp(Date())
        let record = ServiceSupport.object([
            "taskArn": .string(taskArn), "clusterArn": .string(arns.cluster(cluster)),
            "taskDefinitionArn": .string(arns.taskDefinition(definition.family, definition.revision)),
            "lastStatus": "RUNNING", "desiredStatus": "RUNNING", "launchType": .string(try request.string("LaunchType") ?? "FARGATE"),
            "cpu": .string(definition.cpu), "memory": .string(definition.memory), "createdAt": now, "startedAt": now,
            "startedBy": .string(startedBy), "group": .string(try request.string("Group") ?? "family:\(definition.family)"),
            "version": 1, "attachments": [], "overrides": request["Overrides"].map(Self.camelCase) ?? ["containerOverrides": []],
            "containers": .array(commands.map { Self.container($0.0.name, taskArn: taskArn, status: "RUNNING", exitCode: nil) }),
        ])
        try catalog.put(Self.taskType, id, record)
        let runners = commands.map { container, command, environment in
            (container.name, CommandRunner(arguments: command, directory: definition.directory, environment: environment))
        }
        let key = key(id)
        let service = self
        let task = Task<JSON, Never> {
            let codes = await withTaskGroup(of: (Int, Int32?).self) { group in
                for (index, (_, runner)) in runners.enumerated() {
                    group.addTask { (index, try? await runner.run(input: Data()).status) }
                }
                var codes = [Int32?](repeating: nil, count: runners.count)
                for await (index, code) in group { codes[index] = code }
                return codes
            }
            let stopReason = Task.isCancelled ? Self.stopReasons.take(key) ?? "Task stopped by user" : nil
            return service.finish(record, id: id, names: runners.map(\.0), codes: codes, stopReason: stopReason)
        }
        Self.running.add(key, task)
        Task {
            _ = await task.value
            Self.running.remove(key)
        }
        return Started(record: record, task: task, key: key)
    }

    /// Records the stopped task: each container's exit code (none when it was stopped or could not start).
    func finish(_ started: JSON, id: String, names: [String], codes: [Int32?], stopReason: String?) -> JSON {
        guard var record = started.objectValue else { return started }
        let taskArn = record["taskArn"]?.stringValue ?? ""
        let now = ServiceSupport.timestamp(Date())
        record["lastStatus"] = "STOPPED"
        record["desiredStatus"] = "STOPPED"
        record["stoppingAt"] = now
        record["stoppedAt"] = now
        record["executionStoppedAt"] = now
        record["stopCode"] = stopReason == nil ? "EssentialContainerExited" : "UserInitiated"
        record["stoppedReason"] = .string(stopReason ?? "Essential container in task exited")
        record["version"] = 3
        record["containers"] = .array(
            zip(names, codes).map { name, code in Self.container(name, taskArn: taskArn, status: "STOPPED", exitCode: code) })
        let ended = JSON.object(record)
        try? catalog.put(Self.taskType, id, ended)
        return ended
    }

    static func container(_ name: String, taskArn: String, status: String, exitCode: Int32?) -> JSON {
        let containerId = UUID().uuidString.lowercased()
        let prefix = taskArn.replacingOccurrences(of: ":task/", with: ":container/")
        return ServiceSupport.object([
            "containerArn": .string("\(prefix)/\(containerId)"), "taskArn": .string(taskArn), "name": .string(name),
            "lastStatus": .string(status), "exitCode": exitCode.map { .int(Int($0)) },
        ])
    }

    /// The request's `Overrides` in the camelCase of ECS's `Task` (turned back into PascalCase with the rest).
    static func camelCase(_ json: JSON) -> JSON {
        switch json {
        case .object(let object):
            .object(JSONObject(object.map { key, value in (key.prefix(1).lowercased() + key.dropFirst(), camelCase(value)) }))
        case .array(let items): .array(items.map(camelCase))
        default: json
        }
    }
}

/// The reasons StopTask gave for the tasks it is stopping, by key, until the stopped task is recorded.
final class StopReasons: Sendable {
    private let reasons = Mutex<[String: String]>([:])

    func set(_ key: String, _ reason: String) { reasons.withLock { $0[key] = reason } }

    func take(_ key: String) -> String? { reasons.withLock { $0.removeValue(forKey: key) } }
}
