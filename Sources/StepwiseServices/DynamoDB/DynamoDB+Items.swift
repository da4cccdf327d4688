import JSON

extension DynamoDB {
    /// PutItem: writes a whole item, replacing any with the same key, when ConditionExpression holds.
    func putItem(_ input: JSON) async throws -> JSON {
        let table = try input.tableName()
        let item = try input.attributes("Item")
        let returnValues = try input.returnValues(allowed: ["NONE", "ALL_OLD"])
        let condition = try input.expression("ConditionExpression", Expressions.condition)
        let context = try ExpressionContext(request: input)
        try context.check([condition?.usage("ConditionExpression")].compactMap { $0 })
        try item.checkSize()
        let old = try await write { store in
            let key = try store.existingTable(table).key(ofItem: item)
            let old = try store.item(in: table, key)
            try condition?.check(old, context)
            try store.put(in: table, key, item)
            return old
        }
        return AttributeMap.response("Attributes", returnValues == "ALL_OLD" ? old : nil)
    }

    /// GetItem: the item with `Key`, projected, or `{}`.
    func getItem(_ input: JSON) async throws -> JSON {
        let table = try input.tableName()
        let key = try input.attributes("Key")
        let projection = try input.expression("ProjectionExpression", Expressions.projection)
        let context = try ExpressionContext(request: input)
        try context.check([projection?.usage("ProjectionExpression")].compactMap { $0 })
        let item = try await read { store in try store.item(in: table, try store.existingTable(table).key(fromKey: key)) }
        guard let item else { return [:] }
        return ["Item": projection.map { item.projected($0.body.map { $0.resolved(context.names) }) }?.json ?? item.json]
    }

    /// DeleteItem: removes the item with `Key` (if any) when ConditionExpression holds.
    func deleteItem(_ input: JSON) async throws -> JSON {
        let table = try input.tableName()
        let key = try input.attributes("Key")
        let returnValues = try input.returnValues(allowed: ["NONE", "ALL_OLD"])
        let condition = try input.expression("ConditionExpression", Expressions.condition)
        let context = try ExpressionContext(request: input)
        try context.check([condition?.usage("ConditionExpression")].compactMap { $0 })
        let old = try await write { store in
            let key = try store.existingTable(table).key(fromKey: key)
            let old = try store.item(in: table, key)
            try condition?.check(old, context)
            if old != nil { try store.delete(in: table, key) }
            return old
        }
        return AttributeMap.response("Attributes", returnValues == "ALL_OLD" ? old : nil)
    }
}

extension Compiled where Body == Condition {
    /// Throws ConditionalCheckFailedException unless the condition holds for `item` (a missing item is empty).
    func check(_ item: AttributeMap?, _ context: ExpressionContext) throws {
        guard try body.evaluate(item ?? AttributeMap(), context) else { throw DynamoError.conditionalCheckFailed }
    }
}
