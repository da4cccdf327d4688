import Foundation
import JSON

extension DynamoDB {
    /// CreateTable: a new, empty table (ResourceInUseException when the name is taken). Like AWS, the
    /// response says CREATING; the table is usable at once and DescribeTable says ACTIVE.
    func createTable(_ input: JSON) async throws -> JSON {
        let table = try TableDefinition(createTable: input, now: Date())
        try await write { store in try store.create(table) }
        return ["TableDescription": describe(table, status: "CREATING", statistics: (0, 0))]
    }

    /// DescribeTable: the table's description with its live item count and size.
    func describeTable(_ input: JSON) async throws -> JSON {
        let name = try input.tableName()
        let (table, statistics) = try await read { store in
            guard let table = try store.table(name) else { throw DynamoError.tableNotFound(name) }
            return (table, try store.statistics(of: name))
        }
        return ["Table": describe(table, status: "ACTIVE", statistics: statistics)]
    }

    /// DeleteTable: drops the table and its items; the response describes it as DELETING.
    func deleteTable(_ input: JSON) async throws -> JSON {
        let name = try input.tableName()
        let (table, statistics) = try await write { store in
            guard let table = try store.table(name) else { throw DynamoError.tableNotFound(name) }
            let statistics = try store.statistics(of: name)
            try store.drop(name)
            return (table, statistics)
        }
        return ["TableDescription": describe(table, status: "DELETING", statistics: statistics)]
    }

    /// ListTables: names in order, `Limit` (1–100, default 100) per page from `ExclusiveStartTableName`.
    func listTables(_ input: JSON) async throws -> JSON {
        let limit = min(try input.limit() ?? 100, 100)
        let start = input["ExclusiveStartTableName"]?.stringValue
        let names = try await read { store in try store.tableNames(after: start, limit: limit + 1) }
        var response: JSON = ["TableNames": .array(names.prefix(limit).map(JSON.string))]
        if names.count > limit, case .object(var object) = response {
            object["LastEvaluatedTableName"] = .string(names[limit - 1])
            response = .object(object)
        }
        return response
    }

    private func describe(_ table: TableDefinition, status: String, statistics: (count: Int, bytes: Int)) -> JSON {
        table.description(status: status, itemCount: statistics.count, sizeBytes: statistics.bytes, region: region, account: account)
    }
}
