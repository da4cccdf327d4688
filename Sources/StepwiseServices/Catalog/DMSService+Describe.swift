import JSON
import Stepwise

extension DMSService {
    /// DescribeReplicationTasks with Filters (`replication-task-id`, `replication-task-arn`, `migration-type`,
    /// `endpoint-arn`, `replication-instance-arn`), MaxRecords (default 100) and Marker; `ResourceNotFoundException`
    /// when nothing matches, as DMS answers.
    func describeReplicationTasks(_ request: ServiceRequest) throws -> JSON {
        let filters = try (request.array("Filters") ?? []).map { filter -> (String, Set<String>) in
            guard let name = filter["Name"]?.stringValue, let values = filter["Values"]?.arrayValue else {
                throw request.invalid("Each filter needs a Name and Values")
            }
            return (name, Set(values.compactMap(\.stringValue)))
        }
        let matching = try catalog.list(type: Self.type).map(\.description).filter { task in
            filters.allSatisfy { name, values in Self.values(of: task, for: name).contains(where: values.contains) }
        }
        guard !matching.isEmpty else { throw StatesError("DatabaseMigration.ResourceNotFoundException", "No Tasks found matching provided filters") }
        let start = Int(try request.string("Marker") ?? "0") ?? 0
        let limit = max(20, min(try request.int("MaxRecords") ?? 100, 100))
        let withoutSettings = try request.bool("WithoutSettings") == true
        let page = matching.dropFirst(start).prefix(limit).map { task -> JSON in
            guard withoutSettings, case .object(var object) = task else { return task }
            object["ReplicationTaskSettings"] = nil
            object["TableMappings"] = nil
            return .object(object)
        }
        let next = start + page.count < matching.count ? JSON.string(String(start + page.count)) : nil
        return ServiceSupport.object(["ReplicationTasks": .array(page), "Marker": next])
    }

    /// The task's values a filter named `name` compares with.
    private static func values(of task: JSON, for name: String) -> [String] {
        let members: [String] =
            switch name {
            case "replication-task-id": ["ReplicationTaskIdentifier"]
            case "replication-task-arn": ["ReplicationTaskArn"]
            case "migration-type": ["MigrationType"]
            case "endpoint-arn": ["SourceEndpointArn", "TargetEndpointArn"]
            case "replication-instance-arn": ["ReplicationInstanceArn"]
            default: []
            }
        return members.compactMap { task[$0]?.stringValue }
    }
}
