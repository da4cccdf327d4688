extension UpdateExpression {
    /// The item after this update. Every right-hand side reads the item as it was before the update, as in
    /// DynamoDB; then SET, REMOVE, ADD and DELETE are applied in that order.
    func apply(to old: AttributeMap, _ context: ExpressionContext) throws -> AttributeMap {
        let names = context.names
        let assignments = try self.set.map { ($0.path.resolved(names), try Self.value(of: $0.value, old, context)) }
        var item = old
        for (path, value) in assignments { try item.set(value, at: path) }
        for path in remove { item.remove(at: path.resolved(names)) }
        for action in add {
            let path = action.path.resolved(names)
            try item.set(try Self.added(item.value(at: path), context.value(action.value)), at: path)
        }
        for action in delete {
            let path = action.path.resolved(names)
            let remaining = try Self.deleted(item.value(at: path), context.value(action.value))
            if let remaining { try item.set(remaining, at: path) } else { item.remove(at: path) }
        }
        return item
    }

    /// Every top-level and nested path this update writes, resolved (for UPDATED_OLD / UPDATED_NEW).
    func resolvedPaths(_ names: [String: String]) -> [DocumentPath] { paths.map { $0.resolved(names) } }

    static let incorrectType = DynamoError.validation("An operand in the update expression has an incorrect data type")

    /// A SET right-hand side: a path, a value, `if_not_exists`, `list_append`, `+` or `-`.
    private static func value(of operand: Operand, _ item: AttributeMap, _ context: ExpressionContext) throws -> AttributeValue {
        switch operand {
        case .path(let path):
            guard let value = item.value(at: path.resolved(context.names)) else {
                throw DynamoError.validation("The provided expression refers to an attribute that does not exist in the item")
            }
            return value
        case .value(let placeholder): return context.value(placeholder)
        case .function("if_not_exists", let arguments):
            guard case .path(let path) = arguments[0], let existing = item.value(at: path.resolved(context.names)) else {
                return try value(of: arguments[1], item, context)
            }
            return existing
        case .function(_, let arguments):
            guard case .list(let first) = try value(of: arguments[0], item, context),
                case .list(let second) = try value(of: arguments[1], item, context)
            else { throw incorrectType }
            return .list(first + second)
        case .plus(let left, let right), .minus(let left, let right):
            guard case .number(let a) = try value(of: left, item, context),
                case .number(let b) = try value(of: right, item, context)
            else { throw incorrectType }
            let result = if case .plus = operand { a + b } else { a - b }
            try result.checkStorable()
            return .number(result)
        }
    }
}
