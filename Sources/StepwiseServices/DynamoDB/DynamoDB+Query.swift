import JSON

extension DynamoDB {
    /// Query: the items of one partition whose sort key matches, in sort key order (reversed when
    /// ScanIndexForward is false), paginated by Limit and ExclusiveStartKey.
    func query(_ input: JSON) async throws -> JSON {
        guard let keyCondition = try input.expression("KeyConditionExpression", Expressions.keyCondition) else {
            throw DynamoError.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
        }
        let request = try ReadRequest(input, extra: [keyCondition.usage("KeyConditionExpression")])
        let forward = input["ScanIndexForward"]?.boolValue ?? true
        return try await read { store in
            let table = try store.existingTable(request.table)
            let condition = try KeyCondition(keyCondition.body, table: table, context: request.context)
            let start = try request.exclusiveStartKey.map { try table.key(fromKey: $0) }
            var items = try store.partition(in: request.table, TableDefinition.keyText(condition.partition))
            items = Self.sorted(items, table: table, forward: forward, condition: condition)
            if let start, let sortKey = table.sortKey {
                let startValue = start.attributes[sortKey.name]!
                items = items.filter { Condition.compare($0[sortKey.name], forward ? .greater : .less, startValue) }
            } else if start != nil {
                items = []
            }
            return try request.page(Array(items.prefix(request.limit ?? .max)), table: table)
        }
    }

    /// The partition's items that match the sort key condition, in sort key order.
    private static func sorted(_ items: [AttributeMap], table: TableDefinition, forward: Bool, condition: KeyCondition) -> [AttributeMap] {
        guard let sortKey = table.sortKey else { return items }
        let matching = items.filter { condition.sort?.matches($0[sortKey.name]) ?? true }
        let ordered = matching.sorted { a, b in
            guard let left = a[sortKey.name], let right = b[sortKey.name] else { return false }
            return (Condition.order(left, right) ?? 0) < 0
        }
        return forward ? ordered : ordered.reversed()
    }

    /// Scan: every item of the table in storage order, filtered and paginated.
    func scan(_ input: JSON) async throws -> JSON {
        let request = try ReadRequest(input)
        if input["Segment"] != nil || input["TotalSegments"] != nil {
            guard input["TotalSegments"]?.intValue == 1, input["Segment"]?.intValue == 0 else {
                throw DynamoError.validation("Parallel scans (Segment / TotalSegments other than 0 of 1) are not supported locally")
            }
        }
        return try await read { store in
            let table = try store.existingTable(request.table)
            let start = try request.exclusiveStartKey.map { try table.key(fromKey: $0) }
            let items = try store.scan(in: request.table, after: start, limit: request.limit)
            return try request.page(items, table: table)
        }
    }
}
