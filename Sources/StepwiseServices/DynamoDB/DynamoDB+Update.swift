import JSON

extension DynamoDB {
    /// UpdateItem: applies UpdateExpression to the item with `Key` (creating it when missing) when
    /// ConditionExpression holds; ReturnValues NONE, ALL_OLD, UPDATED_OLD, ALL_NEW or UPDATED_NEW.
    func updateItem(_ input: JSON) async throws -> JSON {
        let table = try input.tableName()
        let key = try input.attributes("Key")
        let returnValues = try input.returnValues(allowed: ["NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"])
        let condition = try input.expression("ConditionExpression", Expressions.condition)
        let update = try input.expression("UpdateExpression", Expressions.update)
        let context = try ExpressionContext(request: input)
        try context.check([condition?.usage("ConditionExpression"), update?.usage("UpdateExpression")].compactMap { $0 })
        let updatedPaths = update?.body.resolvedPaths(context.names) ?? []
        let (old, new) = try await write { store in
            let definition = try store.existingTable(table)
            let itemKey = try definition.key(fromKey: key)
            if let path = updatedPaths.first(where: { path in definition.keys.contains { $0.name == path.attribute } }) {
                throw DynamoError.invalidParameter("Cannot update attribute \(path.attribute). This attribute is part of the key")
            }
            let old = try store.item(in: table, itemKey)
            try condition?.check(old, context)
            let new = try update?.body.apply(to: old ?? itemKey.attributes, context) ?? old ?? itemKey.attributes
            try new.checkSize()
            try store.put(in: table, itemKey, new)
            return (old, new)
        }
        return Self.updateResponse(returnValues, old: old, new: new, paths: updatedPaths)
    }

    private static func updateResponse(_ returnValues: String, old: AttributeMap?, new: AttributeMap, paths: [DocumentPath]) -> JSON {
        switch returnValues {
        case "ALL_OLD": AttributeMap.response("Attributes", old)
        case "ALL_NEW": AttributeMap.response("Attributes", new)
        case "UPDATED_OLD": AttributeMap.response("Attributes", old?.projected(paths))
        case "UPDATED_NEW": AttributeMap.response("Attributes", new.projected(paths))
        default: [:]
        }
    }
}
