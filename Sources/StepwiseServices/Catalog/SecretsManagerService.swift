import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:secretsmanager:<action>` for secrets with a string value, remembered in the
/// ``ResourceCatalog`` (type `secretsmanager:secret`, by name). One version per secret (`AWSCURRENT`); a secret is
/// found by its name, its ARN, or its ARN without the six random characters AWS appends (a partial ARN, as the
/// Data API's `SecretArn` is often written). `stepwise data` lists names, never values.
///
/// The local Data API does not look its `SecretArn` up: secrets are there for workflows that read them.
package struct SecretsManagerService: LocalService {
    package let name = "secretsmanager"
    let catalog: ResourceCatalog

    package init(catalog: ResourceCatalog) { self.catalog = catalog }

    typealias Action = @Sendable (SecretsManagerService, ServiceRequest, _ region: String, _ account: String) throws -> JSON

    static let actions: [String: Action] = [
        "createSecret": { try $0.createSecret($1, region: $2, account: $3) }, "getSecretValue": { s, r, _, _ in try s.getSecretValue(r) },
        "putSecretValue": { s, r, _, _ in try s.putSecretValue(r) }, "describeSecret": { s, r, _, _ in try s.describeSecret(r) },
        "deleteSecret": { s, r, _, _ in try s.deleteSecret(r) },
    ]

    package static let type = "secretsmanager:secret"
    /// A stored secret without its value: what DescribeSecret and `stepwise data` show.
    package static func withoutValue(_ secret: JSONObject) -> JSONObject {
        JSONObject(secret.filter { $0.key != "SecretString" }.map { ($0.key, $0.value) })
    }

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, region: region, account: account)
    }

    package func call(_ action: String, input: JSON, region: String = "us-east-1", account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else { throw StatesError("SecretsManager.InvalidRequestException", "Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: "SecretsManager.InvalidParameterException"), region, account)
    }

    /// CreateSecret with a `SecretString` (binary secrets are not kept locally).
    func createSecret(_ request: ServiceRequest, region: String, account: String) throws -> JSON {
        let name = try request.required("Name")
        guard (1...512).contains(name.count), name.allSatisfy(Self.nameCharacters.contains) else {
            throw request.invalid("Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!")
        }
        let value = try request.required("SecretString")
        let now = ServiceSupport.timestamp(Date())
        let secret = ServiceSupport.object([
            "ARN": .string("arn:aws:secretsmanager:\(region):\(account):secret:\(name)-\(Self.suffix())"), "Name": .string(name),
            "Description": try request.string("Description").map(JSON.string), "CreatedDate": now, "LastChangedDate": now,
            "VersionId": .string(UUID().uuidString.lowercased()), "SecretString": .string(value),
        ])
        guard try catalog.insert(Self.type, name, secret) else {
            throw StatesError("SecretsManager.ResourceExistsException", "The operation failed because the secret \(name) already exists.")
        }
        return ["ARN": secret["ARN"] ?? .null, "Name": .string(name), "VersionId": secret["VersionId"] ?? .null]
    }

    func getSecretValue(_ request: ServiceRequest) throws -> JSON {
        let secret = try find(try request.required("SecretId"))
        return ServiceSupport.object([
            "ARN": secret["ARN"], "Name": secret["Name"], "VersionId": secret["VersionId"], "SecretString": secret["SecretString"],
            "VersionStages": ["AWSCURRENT"], "CreatedDate": secret["LastChangedDate"],
        ])
    }

    /// PutSecretValue: a new current version.
    func putSecretValue(_ request: ServiceRequest) throws -> JSON {
        var secret = try find(try request.required("SecretId"))
        secret["SecretString"] = .string(try request.required("SecretString"))
        secret["VersionId"] = .string(UUID().uuidString.lowercased())
        secret["LastChangedDate"] = ServiceSupport.timestamp(Date())
        try catalog.put(Self.type, secret["Name"]?.stringValue ?? "", .object(secret))
        return [
            "ARN": secret["ARN"] ?? .null, "Name": secret["Name"] ?? .null, "VersionId": secret["VersionId"] ?? .null,
            "VersionStages": ["AWSCURRENT"],
        ]
    }

    func describeSecret(_ request: ServiceRequest) throws -> JSON {
        .object(Self.withoutValue(try find(try request.required("SecretId"))))
    }

    /// DeleteSecret deletes at once (there is no recovery window locally).
    func deleteSecret(_ request: ServiceRequest) throws -> JSON {
        let secret = try find(try request.required("SecretId"))
        try catalog.delete(Self.type, secret["Name"]?.stringValue ?? "")
        return ["ARN": secret["ARN"] ?? .null, "Name": secret["Name"] ?? .null, "DeletionDate": ServiceSupport.timestamp(Date())]
    }

    /// The stored secret `id` names: a name, an ARN, or an ARN without its random suffix.
    func find(_ id: String) throws -> JSONObject {
        var name = id
        if id.hasPrefix("arn:"), let range = id.range(of: ":secret:") { name = String(id[range.upperBound...]) }
        if let secret = try catalog.get(Self.type, name)?.objectValue { return secret }
        if id.hasPrefix("arn:"), name.count > 7, name.dropLast(6).hasSuffix("-"),
            let secret = try catalog.get(Self.type, String(name.dropLast(7)))?.objectValue, secret["ARN"]?.stringValue == id
        {
            return secret
        }
        throw StatesError("SecretsManager.ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
    }

    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/_+=.@!")

    /// The six random characters AWS appends to a secret's name in its ARN.
    static func suffix() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<6).map { _ in letters.randomElement()! })
    }
}
