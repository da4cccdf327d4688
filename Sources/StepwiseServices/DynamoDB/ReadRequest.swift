import JSON

/// The members Query and Scan share: filter, projection, Select, Limit, ExclusiveStartKey, and the page built
/// from the items they read.
struct ReadRequest: Sendable {
    let table: String
    let filter: Compiled<Condition>?
    let projection: [DocumentPath]?
    let countOnly: Bool
    let limit: Int?
    let exclusiveStartKey: AttributeMap?
    let context: ExpressionContext

    /// Reads the shared members; `extra` are the request's other expressions (KeyConditionExpression).
    init(_ input: JSON, extra: [(kind: String, names: Set<String>, values: Set<String>)] = []) throws {
        table = try input.tableName()
        if let index = input["IndexName"]?.stringValue {
            throw DynamoError.validation("The table does not have the specified index: \(index)")
        }
        filter = try input.expression("FilterExpression", Expressions.filter)
        let projection = try input.expression("ProjectionExpression", Expressions.projection)
        let context = try ExpressionContext(request: input)
        self.context = context
        try context.check(extra + [filter?.usage("FilterExpression"), projection?.usage("ProjectionExpression")].compactMap { $0 })
        self.projection = projection?.body.map { $0.resolved(context.names) }
        countOnly = try Self.select(input, hasProjection: projection != nil)
        limit = try input.limit()
        exclusiveStartKey = try input["ExclusiveStartKey"].map(AttributeMap.init(json:))
    }

    /// Whether `Select` is COUNT; checks the combinations DynamoDB rejects.
    private static func select(_ input: JSON, hasProjection: Bool) throws -> Bool {
        switch input["Select"]?.stringValue {
        case nil, "ALL_ATTRIBUTES", "SPECIFIC_ATTRIBUTES": return false
        case "COUNT":
            if hasProjection { throw DynamoError.validation("Cannot specify the ProjectionExpression when choosing to get COUNT") }
            return true
        case "ALL_PROJECTED_ATTRIBUTES":
            throw DynamoError.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
        case let other?:
            throw DynamoError.validation(
                "1 validation error detected: Value '\(other)' at 'select' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]")
        }
    }

    /// The response for the items read in order (at most `limit` of them evaluated): filtered, projected,
    /// counted, with LastEvaluatedKey when the limit stopped the read.
    func page(_ evaluated: [AttributeMap], table definition: TableDefinition) throws -> JSON {
        let matching = try evaluated.filter { try filter?.body.evaluate($0, context) ?? true }
        var response = JSONObject()
        if !countOnly {
            response["Items"] = .array(matching.map { item in projection.map { item.projected($0) }?.json ?? item.json })
        }
        response["Count"] = .int(matching.count)
        response["ScannedCount"] = .int(evaluated.count)
        if let limit, evaluated.count == limit, let last = evaluated.last {
            response["LastEvaluatedKey"] = definition.keyAttributes(of: last).json
        }
        return .object(response)
    }
}
