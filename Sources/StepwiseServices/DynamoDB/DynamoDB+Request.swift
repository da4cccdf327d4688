import JSON

/// Reading the common members of DynamoDB requests.
extension JSON {
    /// `TableName`, checked.
    func tableName() throws -> String { try TableDefinition.tableName(self) }

    /// A required map of attribute values (`Item`, `Key`).
    func attributes(_ member: String) throws -> AttributeMap {
        guard let value = self[member] else { throw DynamoError.missingMember(member) }
        return try AttributeMap(json: value)
    }

    /// `ReturnValues`, defaulting to NONE and limited to `allowed`.
    func returnValues(allowed: Set<String>) throws -> String {
        let value = self["ReturnValues"]?.stringValue ?? "NONE"
        guard allowed.contains(value) else { throw DynamoError.validation("Return values set to invalid value") }
        return value
    }

    /// The pre-expression members (`Expected`, `AttributeUpdates`, …): rejected rather than ignored, since
    /// ignoring `Expected` would turn a conditional write into an unconditional one.
    static let legacyMembers = [
        "Expected", "AttributeUpdates", "ConditionalOperator", "KeyConditions", "QueryFilter", "ScanFilter", "AttributesToGet",
    ]

    func checkNoLegacyMembers() throws {
        guard let member = Self.legacyMembers.first(where: { self[$0] != nil }) else { return }
        throw DynamoError.validation(
            "The legacy parameter \(member) is not supported by the local DynamoDB; use ConditionExpression, "
                + "UpdateExpression, KeyConditionExpression, FilterExpression or ProjectionExpression instead")
    }

    /// A compiled expression from `member`, or nil when the request has none.
    func expression<Body>(_ member: String, _ cache: ExpressionCache<Body>) throws -> Compiled<Body>? {
        guard let text = self[member]?.stringValue else { return nil }
        return try cache.compiled(text)
    }

    /// `Limit`, which must be at least 1 when present.
    func limit() throws -> Int? {
        guard let limit = self["Limit"]?.intValue else { return nil }
        guard limit >= 1 else {
            throw DynamoError.validation(
                "1 validation error detected: Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        }
        return limit
    }
}

extension Compiled {
    /// The placeholders this expression uses, labelled with its request member for messages.
    func usage(_ kind: String) -> (kind: String, names: Set<String>, values: Set<String>) { (kind, names, values) }
}

/// Responses.
extension AttributeMap {
    /// `{"<member>": map}` or `{}` when `map` is nil or (for Attributes) empty.
    static func response(_ member: String, _ map: AttributeMap?) -> JSON {
        guard let map, !map.isEmpty else { return [:] }
        return .object(JSONObject([(member, map.json)]))
    }

    /// Fails with DynamoDB's message when the item exceeds 400 KB.
    func checkSize() throws {
        guard json.serializedSize <= 400 * 1024 else {
            throw DynamoError.validation("Item size has exceeded the maximum allowed size")
        }
    }
}
