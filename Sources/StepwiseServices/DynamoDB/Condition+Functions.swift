extension Condition {
    static let typeNames: Set<String> = ["S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"]

    /// attribute_exists, attribute_not_exists, attribute_type, begins_with and contains on evaluated arguments.
    static func function(_ name: String, _ arguments: [AttributeValue?], kind context: ExpressionContext) throws -> Bool {
        switch name {
        case "attribute_exists": return arguments[0] != nil
        case "attribute_not_exists": return arguments[0] == nil
        case "attribute_type": return try attributeType(arguments[0], arguments[1])
        case "begins_with": return try beginsWith(arguments[0], arguments[1])
        default: return contains(arguments[0], arguments[1])
        }
    }

    private static func attributeType(_ value: AttributeValue?, _ type: AttributeValue?) throws -> Bool {
        guard case .string(let name) = type, typeNames.contains(name) else {
            let shown = type.map { $0.plain } ?? ""
            throw DynamoError.validation(
                "Invalid ConditionExpression: Invalid attribute type name found; type: \(shown), "
                    + "valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }")
        }
        return value?.typeName == name
    }

    private static func beginsWith(_ value: AttributeValue?, _ prefix: AttributeValue?) throws -> Bool {
        switch (value, prefix) {
        case (.string(let text), .string(let start)): return text.utf8.starts(with: start.utf8)
        case (.binary(let bytes), .binary(let start)): return bytes.starts(with: start)
        case (_, .string), (_, .binary), (_, nil): return false
        case (_, let prefix?):
            throw DynamoError.validation(
                "Invalid ConditionExpression: Incorrect operand type for operator or function; "
                    + "operator or function: begins_with, operand type: \(prefix.typeName)")
        }
    }

    private static func contains(_ value: AttributeValue?, _ element: AttributeValue?) -> Bool {
        switch (value, element) {
        case (.string(let text), .string(let part)): return part.isEmpty || text.contains(part)
        case (.binary(let bytes), .binary(let part)): return part.isEmpty || bytes.indices.contains { bytes[$0...].starts(with: part) }
        case (.stringSet(let set), .string(let member)): return set.contains(member)
        case (.numberSet(let set), .number(let member)): return set.contains(member)
        case (.binarySet(let set), .binary(let member)): return set.contains(member)
        case (.list(let list), let member?): return list.contains(member)
        default: return false
        }
    }
}
