extension Operand {
    /// The operand's value against `item`; nil for a missing path. Only `size` is evaluated here: the update
    /// functions and arithmetic are ``UpdateExpression``'s (see `UpdateExpression+Apply`).
    func evaluate(_ item: AttributeMap, _ context: ExpressionContext) -> AttributeValue? {
        switch self {
        case .path(let path): return item.value(at: path.resolved(context.names))
        case .value(let placeholder): return context.value(placeholder)
        case .function(_, let arguments):
            return arguments.first?.evaluate(item, context)?.size.map { .number(DynamoNumber(String($0))!) }
        case .plus, .minus: return nil
        }
    }
}

extension AttributeValue {
    /// What `size()` answers: characters of a string, bytes of a binary, members of a set, map or list.
    var size: Int? {
        switch self {
        case .string(let value): value.count
        case .binary(let value): value.count
        case .stringSet(let value): value.count
        case .numberSet(let value): value.count
        case .binarySet(let value): value.count
        case .map(let value): value.count
        case .list(let value): value.count
        default: nil
        }
    }
}
