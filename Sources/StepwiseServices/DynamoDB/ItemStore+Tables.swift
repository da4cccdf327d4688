import Foundation
import JSON
import StepwiseSQLite

extension ItemStore {
    /// The table named `name`, or nil.
    func table(_ name: String) throws -> TableDefinition? {
        try connection.rows(
            """
            SELECT key_schema, attribute_definitions, billing_mode, read_capacity, write_capacity, created_at
            FROM tables WHERE name = ?
            """, name
        ) { row in
            (row.text(0), row.text(1), row.text(2), row.int(3), row.int(4), row.text(5))
        }.first.map { try Self.definition(name: name, $0) }
    }

    /// The table named `name`, or AWS's ResourceNotFoundException.
    func existingTable(_ name: String) throws -> TableDefinition {
        guard let table = try table(name) else { throw DynamoError.resourceNotFound }
        return table
    }

    func create(_ table: TableDefinition) throws {
        guard try self.table(table.name) == nil else { throw DynamoError.tableInUse(table.name) }
        try connection.run(
            """
            INSERT INTO tables (name, key_schema, attribute_definitions, billing_mode, read_capacity, write_capacity, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, table.name, table.keySchemaJSON.serialized(), table.attributeDefinitionsJSON.serialized(),
            table.billingMode, table.readCapacity, table.writeCapacity,
            TableDefinition.timestamp(table.created))
    }

    /// Drops a table and its items.
    func drop(_ name: String) throws {
        try connection.run("DELETE FROM items WHERE table_name = ?", name)
        try connection.run("DELETE FROM tables WHERE name = ?", name)
    }

    /// Table names in order, after `start` (exclusive).
    func tableNames(after start: String?, limit: Int) throws -> [String] {
        try connection.rows("SELECT name FROM tables WHERE name > ? ORDER BY name LIMIT ?", start ?? "", limit) {
            $0.text(0)
        }
    }

    private static func definition(name: String, _ row: (String, String, String, Int, Int, String)) throws -> TableDefinition {
        let schema = try JSON(parsing: row.0).arrayValue ?? []
        let definitions = (try JSON(parsing: row.1).arrayValue ?? []).map {
            KeyAttribute(name: $0["AttributeName"]?.stringValue ?? "", type: $0["AttributeType"]?.stringValue ?? "S")
        }
        let keys = schema.compactMap { key in definitions.first { $0.name == key["AttributeName"]?.stringValue } }
        let created = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(row.5)) ?? Date(timeIntervalSince1970: 0)
        return TableDefinition(
            name: name, partitionKey: keys[0], sortKey: keys.count > 1 ? keys[1] : nil,
            attributeDefinitions: definitions, billingMode: row.2, readCapacity: row.3, writeCapacity: row.4, created: created)
    }
}
