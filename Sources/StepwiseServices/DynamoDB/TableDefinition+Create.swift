import Foundation
import JSON

extension TableDefinition {
    /// Reads and validates a CreateTable request as DynamoDB does (key schema, definitions, billing).
    init(createTable request: JSON, now: Date) throws {
        let name = try Self.tableName(request)
        let definitions = try (request["AttributeDefinitions"]?.arrayValue ?? []).map(Self.definition)
        let schema = request["KeySchema"]?.arrayValue ?? []
        guard (1...2).contains(schema.count), schema[0]["KeyType"]?.stringValue == "HASH",
            schema.count == 1 || schema[1]["KeyType"]?.stringValue == "RANGE"
        else { throw DynamoError.invalidParameter("Invalid KeySchema: The first KeySchemaElement is not a HASH key type") }
        let keyNames = schema.map { $0["AttributeName"]?.stringValue ?? "" }
        let keys = try keyNames.map { keyName in
            guard let definition = definitions.first(where: { $0.name == keyName }) else {
                throw DynamoError.invalidParameter(
                    "Some index key attributes are not defined in AttributeDefinitions. Keys: [\(keyNames.joined(separator: ", "))], "
                        + "AttributeDefinitions: [\(definitions.map(\.name).joined(separator: ", "))]")
            }
            return definition
        }
        guard definitions.count == keys.count else {
            throw DynamoError.invalidParameter(
                "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
        }
        let billing = request["BillingMode"]?.stringValue ?? "PROVISIONED"
        let throughput = request["ProvisionedThroughput"]
        if billing == "PROVISIONED", throughput == nil {
            throw DynamoError.invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
        }
        self.init(
            name: name, partitionKey: keys[0], sortKey: keys.count > 1 ? keys[1] : nil, attributeDefinitions: definitions,
            billingMode: billing, readCapacity: throughput?["ReadCapacityUnits"]?.intValue ?? 0,
            writeCapacity: throughput?["WriteCapacityUnits"]?.intValue ?? 0, created: now)
    }

    /// `TableName`, checked against DynamoDB's length and character rules.
    static func tableName(_ request: JSON) throws -> String {
        guard let name = request["TableName"]?.stringValue else { throw DynamoError.missingMember("TableName") }
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        guard name.count >= 3 else {
            throw DynamoError.validation(
                "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"
            )
        }
        guard name.count <= 255, allowed else {
            throw DynamoError.validation(
                "1 validation error detected: Value '\(name)' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"
            )
        }
        return name
    }

    private static func definition(_ json: JSON) throws -> KeyAttribute {
        let name = json["AttributeName"]?.stringValue ?? ""
        let type = json["AttributeType"]?.stringValue ?? ""
        guard ["S", "N", "B"].contains(type) else {
            throw DynamoError.invalidParameter("Member must satisfy enum value set: [B, N, S]")
        }
        return KeyAttribute(name: name, type: type)
    }
}
