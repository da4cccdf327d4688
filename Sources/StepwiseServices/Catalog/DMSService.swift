import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:databasemigration:<action>` (AWS DMS) for replication tasks, remembered in the
/// ``ResourceCatalog`` (type `dms:replication-task`, named by identifier). Tasks are `ready` at once and never run.
/// Errors are named as Step Functions names them: the Java SDK v2 turns a `…Fault` shape into `…Exception`
/// (`ResourceAlreadyExistsFault` → `DatabaseMigration.ResourceAlreadyExistsException`).
package struct DMSService: LocalService {
    package let name = "databasemigration"
    let catalog: ResourceCatalog

    package init(catalog: ResourceCatalog) { self.catalog = catalog }

    typealias Action = @Sendable (DMSService, ServiceRequest, _ region: String, _ account: String) throws -> JSON

    static let actions: [String: Action] = [
        "createReplicationTask": { try $0.createReplicationTask($1, region: $2, account: $3) },
        "describeReplicationTasks": { s, r, _, _ in try s.describeReplicationTasks(r) },
        "deleteReplicationTask": { s, r, _, _ in try s.deleteReplicationTask(r) },
    ]

    static let type = "dms:replication-task"

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, region: region, account: account)
    }

    func call(_ action: String, input: JSON, region: String = "us-east-1", account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else {
            throw StatesError("DatabaseMigration.InvalidParameterValueException", "Unsupported action \(action)")
        }
        return try body(self, ServiceRequest(input: input, validationError: "DatabaseMigration.InvalidParameterValueException"), region, account)
    }

    /// CreateReplicationTask: the six required members; the identifier follows AWS's naming rules.
    func createReplicationTask(_ request: ServiceRequest, region: String, account: String) throws -> JSON {
        let identifier = try request.required("ReplicationTaskIdentifier")
        guard Self.isValidIdentifier(identifier) else {
            throw request.invalid(
                "The parameter ReplicationTaskIdentifier is not a valid identifier. Identifiers must begin with a letter and must contain only ASCII letters, digits, and hyphens. They can't end with a hyphen or contain two consecutive hyphens."
            )
        }
        var task: JSONObject = ["ReplicationTaskIdentifier": .string(identifier.lowercased())]
        for member in ["SourceEndpointArn", "TargetEndpointArn", "ReplicationInstanceArn", "MigrationType", "TableMappings"] {
            task[member] = .string(try request.required(member))
        }
        for member in ["ReplicationTaskSettings", "CdcStartPosition", "CdcStopPosition", "TaskData"] {
            if let value = try request.string(member) { task[member] = .string(value) }
        }
        task["Status"] = "ready"
        task["ReplicationTaskCreationDate"] = ServiceSupport.timestamp(Date())
        task["ReplicationTaskArn"] = .string("arn:aws:dms:\(region):\(account):task:\(Self.resourceID())")
        guard try catalog.insert(Self.type, identifier.lowercased(), .object(task)) else {
            throw StatesError("DatabaseMigration.ResourceAlreadyExistsException", "ReplicationTaskIdentifier already exists")
        }
        return ["ReplicationTask": .object(task)]
    }

    /// DeleteReplicationTask by ARN: answers with the task in status `deleting`.
    func deleteReplicationTask(_ request: ServiceRequest) throws -> JSON {
        let arn = try request.required("ReplicationTaskArn")
        guard let resource = try catalog.list(type: Self.type).first(where: { $0.description["ReplicationTaskArn"]?.stringValue == arn }),
            case .object(var task) = resource.description
        else { throw StatesError("DatabaseMigration.ResourceNotFoundException", "Replication Task not found: \(arn)") }
        try catalog.delete(Self.type, resource.name)
        task["Status"] = "deleting"
        return ["ReplicationTask": .object(task)]
    }

    /// Letters, digits and hyphens, 1 to 255, a letter first, no trailing or doubled hyphen.
    static func isValidIdentifier(_ identifier: String) -> Bool {
        guard (1...255).contains(identifier.count), identifier.first?.isLetter == true, identifier.isASCII else { return false }
        return identifier.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && !identifier.hasSuffix("-") && !identifier.contains("--")
    }

    /// A resource id as DMS writes them: 26 upper-case letters and digits.
    private static func resourceID() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return String((0..<26).map { _ in alphabet.randomElement()! })
    }
}

extension String {
    fileprivate var isASCII: Bool { unicodeScalars.allSatisfy(\.isASCII) }
}
