import Foundation
import JSON
import Stepwise
import StepwiseServices

/// Fills the subscriber stores directly through the local services, in process: thousands of subscribers in a
/// second, for the audit and export tests at scale (a migration would take longer to set them up).
enum PortalSeed {
    static let fields = [
        "uid", "msisdn", "imsi", "status", "planId", "email", "firstName", "lastName", "address", "dateOfBirth", "createdAt", "updatedAt",
    ]
    static let columns = [
        "uid", "msisdn", "imsi", "status", "plan_id", "email", "first_name", "last_name", "address", "date_of_birth", "created_at", "updated_at",
    ]

    /// Subscriber `number` (fields as strings): uid `<prefix><number, 5 digits>`.
    static func subscriber(_ number: Int, prefix: String, status: String = "ACTIVE", updatedAt: String = "2024-01-01T00:00:00Z") -> JSON {
        [
            "uid": .string(prefix + String(format: "%05d", number)), "msisdn": .string(String(format: "+1415%07d", number)),
            "imsi": .string(String(format: "310150%09d", number)), "status": .string(status), "planId": .string("plan-\(number % 3)"),
            "email": .string("user\(number)@example.com"), "firstName": .string("First\(number)"), "lastName": .string("Last\(number)"),
            "address": .string("\(number) Main St, Springfield"), "dateOfBirth": "1990-01-01", "createdAt": "2024-01-01T00:00:00Z",
            "updatedAt": .string(updatedAt),
        ]
    }

    static func call(_ directory: URL, _ resource: String, _ input: JSON) async throws -> JSON {
        let services = LocalServices.defaults(for: DataDirectory(path: directory.path))
        let task = TaskReference(resource: resource, stateName: "Seed", stateMachineName: "seed")
        guard let handler = services.handler(for: task) else { throw Portal.ProbeFailed(message: "no local service for \(resource)") }
        return try await handler(input, TaskContext(resource: resource))
    }

    /// Puts the subscribers into the cloud store (the Subscribers table is created when missing).
    static func cloud(_ directory: URL, _ subscribers: [JSON]) async throws {
        _ = try? await call(
            directory, "arn:aws:states:::aws-sdk:dynamodb:createTable",
            [
                "TableName": "Subscribers", "AttributeDefinitions": [["AttributeName": "uid", "AttributeType": "S"]],
                "KeySchema": [["AttributeName": "uid", "KeyType": "HASH"]], "BillingMode": "PAY_PER_REQUEST",
            ])
        for start in stride(from: 0, to: subscribers.count, by: 25) {
            let requests = subscribers[start..<min(start + 25, subscribers.count)].map { subscriber -> JSON in
                let item = JSONObject(fields.compactMap { field in subscriber[field].map { (field, ["S": $0]) } })
                return ["PutRequest": ["Item": .object(item)]]
            }
            _ = try await call(directory, "arn:aws:states:::aws-sdk:dynamodb:batchWriteItem", ["RequestItems": ["Subscribers": .array(requests)]])
        }
    }

    /// Inserts the subscribers into the legacy table (created as the workflows create it).
    static func legacy(_ directory: URL, _ subscribers: [JSON]) async throws {
        var statement = Portal.rds
        statement["Sql"] = .string(try Portal.legacyDDL)
        _ = try await call(directory, "arn:aws:states:::aws-sdk:rdsdata:executeStatement", .object(statement))
        statement["Sql"] = .string(
            "INSERT INTO subscribers (\(columns.joined(separator: ", "))) VALUES (\(fields.map { ":" + $0 }.joined(separator: ", ")))")
        for start in stride(from: 0, to: subscribers.count, by: 500) {
            statement["ParameterSets"] = .array(
                subscribers[start..<min(start + 500, subscribers.count)].map { subscriber in
                    .array(
                        fields.map { field in ["Name": .string(field), "Value": subscriber[field].map { ["StringValue": $0] } ?? ["IsNull": true]] })
                })
            _ = try await call(directory, "arn:aws:states:::aws-sdk:rdsdata:batchExecuteStatement", .object(statement))
        }
    }
}
