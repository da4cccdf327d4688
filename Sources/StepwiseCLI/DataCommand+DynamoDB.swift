import Foundation
import JSON
import StepwiseServices

/// `stepwise data put-item|get-item|scan`: the local DynamoDB tables as `aws dynamodb` reads and writes them,
/// through the local service's own actions.
extension DataCommand {
    static func putItem(_ request: DataRequest, _ output: inout Output) async throws -> Int32 {
        let table = try request.tableName()
        let item = try request.jsonOption("item")
        let response = try await request.dynamoDB(table, "putItem", ["TableName": .string(table), "Item": item])
        if request.json { output.print(response.serialized(.pretty)) }
        return 0
    }

    static func getItem(_ request: DataRequest, _ output: inout Output) async throws -> Int32 {
        let table = try request.tableName()
        let key = try request.jsonOption("key")
        let response = try await request.dynamoDB(table, "getItem", ["TableName": .string(table), "Key": key])
        if request.json {
            output.print(response.serialized(.pretty))
            return 0
        }
        guard let item = response["Item"] else {
            output.error("stepwise data get-item: \(table) has no item with the key \(key.serialized())")
            return 1
        }
        output.print(DynamoJSON.plainItem(item).serialized(.pretty))
        return 0
    }

    /// Every page of a Scan: as one response with `--json`, else one plain item per line.
    static func scan(_ request: DataRequest, _ output: inout Output) async throws -> Int32 {
        let table = try request.tableName()
        var items: [JSON] = []
        var start: JSON?
        repeat {
            var input: JSONObject = ["TableName": .string(table)]
            if let start { input["ExclusiveStartKey"] = start }
            let page = try await request.dynamoDB(table, "scan", .object(input))
            items += page["Items"]?.arrayValue ?? []
            start = page["LastEvaluatedKey"]
        } while start != nil
        if request.json {
            output.print(JSON.object(["Items": .array(items), "Count": .int(items.count), "ScannedCount": .int(items.count)]).serialized(.pretty))
        } else {
            for item in items { output.print(DynamoJSON.plainItem(item).serialized()) }
        }
        return 0
    }
}

extension DataRequest {
    func tableName() throws(UsageError) -> String {
        guard let table = arguments.value("table-name"), !table.isEmpty else { throw UsageError(message: "--table-name TABLE is required") }
        return table
    }

    /// A JSON option (`--item`, `--key`): JSON text, `@FILE` or `-` for standard input.
    func jsonOption(_ name: String) throws -> JSON {
        guard let value = arguments.value(name) else { throw UsageError(message: "--\(name) JSON|@FILE|- is required") }
        return try RunCommand.readInput(value, stdin, option: name)
    }

    /// Performs a DynamoDB action on the data directory's tables; a refusal names the table.
    func dynamoDB(_ table: String, _ action: String, _ input: JSON) async throws -> JSON {
        try requireDirectory()
        do {
            return try await DynamoDB(dataDirectory: directory).perform(action, input: input)
        } catch {
            throw DataFailure("\(table): \(error)")
        }
    }

    /// Fails when the data directory does not exist (rather than creating it to find nothing there).
    func requireDirectory() throws {
        guard FileManager.default.fileExists(atPath: directory.url.path) else {
            throw DataFailure("no data directory at \(directory.url.path) (--data-dir; it is created when a workflow or a seed first uses it)")
        }
    }
}
