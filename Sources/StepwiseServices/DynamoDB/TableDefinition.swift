import Foundation
import JSON

/// A key attribute of a table: its name and scalar type (`S`, `N` or `B`).
struct KeyAttribute: Sendable, Hashable {
    let name: String
    let type: String
}

/// A table as CreateTable defined it: key schema, attribute definitions, billing, creation time.
struct TableDefinition: Sendable {
    let name: String
    let partitionKey: KeyAttribute
    let sortKey: KeyAttribute?
    let attributeDefinitions: [KeyAttribute]
    /// `PROVISIONED` or `PAY_PER_REQUEST`.
    let billingMode: String
    let readCapacity: Int
    let writeCapacity: Int
    let created: Date

    /// The key attributes: partition key, then sort key when there is one.
    var keys: [KeyAttribute] { [partitionKey] + (sortKey.map { [$0] } ?? []) }

    /// KeySchema as the API writes it.
    var keySchemaJSON: JSON {
        .array(
            keys.enumerated().map { offset, key in
                ["AttributeName": .string(key.name), "KeyType": offset == 0 ? "HASH" : "RANGE"]
            })
    }

    /// AttributeDefinitions as the API writes them.
    var attributeDefinitionsJSON: JSON {
        .array(attributeDefinitions.map { ["AttributeName": .string($0.name), "AttributeType": .string($0.type)] })
    }
}
