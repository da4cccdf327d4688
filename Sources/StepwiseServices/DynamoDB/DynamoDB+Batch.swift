import JSON

extension DynamoDB {
    /// BatchWriteItem: up to 25 PutRequests and DeleteRequests over any tables, all applied (in one local
    /// transaction); `UnprocessedItems` is always empty.
    func batchWriteItem(_ input: JSON) async throws -> JSON {
        let requests = try Self.writeRequests(input)
        guard requests.count <= 25 else {
            throw DynamoError.validation(
                "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
                    + "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"
            )
        }
        try await write { store in
            var seen: Set<[String]> = []
            for (table, item, isPut) in requests {
                let definition = try store.existingTable(table)
                let key = try isPut ? definition.key(ofItem: item) : definition.key(fromKey: item)
                guard seen.insert([table, key.partition, key.sort]).inserted else {
                    throw DynamoError.invalidParameter("Provided list of item keys contains duplicates")
                }
                if isPut { try store.put(in: table, key, item) } else { try store.delete(in: table, key) }
            }
        }
        return ["UnprocessedItems": [:]]
    }

    private static func writeRequests(_ input: JSON) throws -> [(String, AttributeMap, Bool)] {
        guard let tables = input["RequestItems"]?.objectValue, !tables.isEmpty else { throw DynamoError.missingMember("RequestItems") }
        var requests: [(String, AttributeMap, Bool)] = []
        for (table, entries) in tables {
            for entry in entries.arrayValue ?? [] {
                if let put = entry["PutRequest"] {
                    let item = try put.attributes("Item")
                    try item.checkSize()
                    requests.append((table, item, true))
                } else if let delete = entry["DeleteRequest"] {
                    requests.append((table, try delete.attributes("Key"), false))
                } else {
                    throw DynamoError.validation("Supplied AttributeValue has neither PutRequest nor DeleteRequest")
                }
            }
        }
        return requests
    }

    /// BatchGetItem: up to 100 keys over any tables, each table with its own ProjectionExpression;
    /// `UnprocessedKeys` is always empty and missing items are simply absent.
    func batchGetItem(_ input: JSON) async throws -> JSON {
        guard let tables = input["RequestItems"]?.objectValue, !tables.isEmpty else { throw DynamoError.missingMember("RequestItems") }
        let requests = try tables.map { table, request in try BatchGetTable(table: table, request: request) }
        guard requests.reduce(0, { $0 + $1.keys.count }) <= 100 else {
            throw DynamoError.validation("Too many items requested for the BatchGetItem call")
        }
        let responses = try await read { store in
            try requests.map { request in (request.table, try request.items(store)) }
        }
        return ["Responses": .object(JSONObject(responses)), "UnprocessedKeys": [:]]
    }
}

/// One table's part of a BatchGetItem request.
private struct BatchGetTable: Sendable {
    let table: String
    let keys: [AttributeMap]
    let projection: [DocumentPath]?

    init(table: String, request: JSON) throws {
        self.table = table
        keys = try (request["Keys"]?.arrayValue ?? []).map(AttributeMap.init(json:))
        guard !keys.isEmpty else { throw DynamoError.missingMember("Keys") }
        guard Set(keys).count == keys.count else { throw DynamoError.invalidParameter("Provided list of item keys contains duplicates") }
        let projection = try request.expression("ProjectionExpression", Expressions.projection)
        let context = try ExpressionContext(request: request)
        try context.check([projection?.usage("ProjectionExpression")].compactMap { $0 })
        self.projection = projection?.body.map { $0.resolved(context.names) }
    }

    func items(_ store: ItemStore) throws -> JSON {
        let definition = try store.existingTable(table)
        let items = try keys.compactMap { try store.item(in: table, try definition.key(fromKey: $0)) }
        return .array(items.map { item in projection.map { item.projected($0) }?.json ?? item.json })
    }
}
