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

    /// Scan: every item of the table in storage order, filtered and paginated; with `Segment` and `TotalSegments`
    /// (a parallel scan) only the items of that segment, each item's segment a hash of its partition key.
    func scan(_ input: JSON) async throws -> JSON {
        let request = try ReadRequest(input)
        let segment = try Self.segment(input)
        return try await read { store in
            let table = try store.existingTable(request.table)
            let start = try request.exclusiveStartKey.map { try table.key(fromKey: $0) }
            if let start, let segment, ScanSegment.of(partition: start.partition, total: segment.total) != segment.index {
                throw DynamoError.validation("The provided Exclusive Start Key does not map to the provided Segment and TotalSegments values.")
            }
            let items = try store.scan(in: request.table, after: start, limit: request.limit, segment: segment)
            return try request.page(items, table: table)
        }
    }

    /// `Segment` and `TotalSegments`, which go together (TotalSegments 1…1,000,000, Segment below it).
    static func segment(_ input: JSON) throws -> ScanSegment? {
        let segment = input["Segment"]
        let total = input["TotalSegments"]
        guard segment != nil || total != nil else { return nil }
        guard let index = segment?.intValue, let count = total?.intValue else {
            throw DynamoError.validation(
                "The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
        }
        guard (1...1_000_000).contains(count) else {
            throw DynamoError.validation(
                "1 validation error detected: Value '\(count)' at 'totalSegments' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 1000000")
        }
        guard (0..<count).contains(index) else {
            throw DynamoError.validation(
                "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: \(index) is not less than TotalSegments: \(count)"
            )
        }
        return ScanSegment(index: index, total: count)
    }
}

/// One segment of a parallel scan: the items whose partition key hashes (FNV-1a, 64 bits) to `index` modulo
/// `total`. Deterministic, so every process and every page agrees on an item's segment.
struct ScanSegment: Sendable, Equatable {
    let index: Int
    let total: Int

    static func of(partition: String, total: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in partition.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(total))
    }

    func contains(partition: String) -> Bool { Self.of(partition: partition, total: total) == index }
}
