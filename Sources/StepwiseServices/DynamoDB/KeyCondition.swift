/// A Query's KeyConditionExpression in the only shapes DynamoDB accepts: equality on the partition key, and
/// optionally one condition on the sort key.
struct KeyCondition: Sendable {
    let partition: AttributeValue
    let sort: SortCondition?

    enum SortCondition: Sendable {
        case compare(Comparator, AttributeValue)
        case between(AttributeValue, AttributeValue)
        case beginsWith(AttributeValue)
    }

    /// Extracts the key condition from a parsed expression for `table`, with DynamoDB's messages.
    init(_ condition: Condition, table: TableDefinition, context: ExpressionContext) throws {
        let parts: [Condition] = if case .and(let left, let right) = condition { [left, right] } else { [condition] }
        var partition: AttributeValue?
        var sort: SortCondition?
        for part in parts {
            let (name, condition) = try Self.keyPart(part, context)
            if name == table.partitionKey.name, case .compare(.equal, let value) = condition, partition == nil {
                partition = value
            } else if name == table.sortKey?.name, sort == nil {
                sort = condition
            } else if name != table.partitionKey.name, name != table.sortKey?.name {
                throw DynamoError.validation("Query condition missed key schema element: \(table.sortKey?.name ?? table.partitionKey.name)")
            } else {
                throw DynamoError.validation("Query key condition not supported")
            }
        }
        guard let partition else {
            throw DynamoError.validation("Query condition missed key schema element: \(table.partitionKey.name)")
        }
        try Self.checkTypes(partition, sort, table)
        self.partition = partition
        self.sort = sort
    }

    /// One `key op :value`, `key BETWEEN :a AND :b` or `begins_with(key, :v)`.
    private static func keyPart(_ condition: Condition, _ context: ExpressionContext) throws -> (String, SortCondition) {
        switch condition {
        case .compare(.path(let path), let comparator, .value(let value)) where comparator != .notEqual:
            return (try name(path, context), .compare(comparator, context.value(value)))
        case .between(.path(let path), .value(let low), .value(let high)):
            return (try name(path, context), .between(context.value(low), context.value(high)))
        case .function("begins_with", let arguments):
            guard case .path(let path) = arguments[0], case .value(let value) = arguments[1] else { break }
            return (try name(path, context), .beginsWith(context.value(value)))
        default: break
        }
        throw DynamoError.validation("Invalid operator used in KeyConditionExpression: \(operatorName(condition))")
    }

    private static func name(_ path: DocumentPath, _ context: ExpressionContext) throws -> String {
        let resolved = path.resolved(context.names)
        guard resolved.elements.count == 1 else {
            throw DynamoError.validation("KeyConditionExpressions cannot contain nested attributes: \(path)")
        }
        return resolved.attribute
    }

    private static func operatorName(_ condition: Condition) -> String {
        switch condition {
        case .or: "OR"
        case .not: "NOT"
        case .oneOf: "IN"
        case .and: "AND"
        case .function(let name, _): name
        case .compare(_, let comparator, _): comparator.rawValue
        case .between: "BETWEEN"
        }
    }

    private static func checkTypes(_ partition: AttributeValue, _ sort: SortCondition?, _ table: TableDefinition) throws {
        var values: [(KeyAttribute, AttributeValue)] = [(table.partitionKey, partition)]
        switch sort {
        case .compare(_, let value)?, .beginsWith(let value)?: values.append((table.sortKey!, value))
        case .between(let low, let high)?: values += [(table.sortKey!, low), (table.sortKey!, high)]
        case nil: break
        }
        for (key, value) in values where value.typeName != key.type {
            throw DynamoError.invalidParameter("Condition parameter type does not match schema type")
        }
    }
}

extension KeyCondition.SortCondition {
    /// Whether a sort key value satisfies the condition.
    func matches(_ value: AttributeValue?) -> Bool {
        guard let value else { return false }
        switch self {
        case .compare(let comparator, let bound): return Condition.compare(value, comparator, bound)
        case .between(let low, let high):
            return Condition.compare(value, .greaterOrEqual, low) && Condition.compare(value, .lessOrEqual, high)
        case .beginsWith(.string(let prefix)): if case .string(let text) = value { return text.utf8.starts(with: prefix.utf8) }
        case .beginsWith(.binary(let prefix)): if case .binary(let bytes) = value { return bytes.starts(with: prefix) }
        default: return false
        }
        return false
    }
}
