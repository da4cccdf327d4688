/// Evaluates conditions against an item as DynamoDB does: a missing attribute or mismatched types make a
/// comparison false (but `<>` true), never an error.
extension Condition {
    func evaluate(_ item: AttributeMap, _ context: ExpressionContext) throws -> Bool {
        switch self {
        case .compare(let left, let comparator, let right):
            return Self.compare(left.evaluate(item, context), comparator, right.evaluate(item, context))
        case .between(let operand, let lower, let upper):
            return try Self.between(operand.evaluate(item, context), lower.evaluate(item, context), upper.evaluate(item, context))
        case .oneOf(let operand, let candidates):
            guard let value = operand.evaluate(item, context) else { return false }
            return candidates.contains { $0.evaluate(item, context) == value }
        case .and(let left, let right): return try left.evaluate(item, context) && right.evaluate(item, context)
        case .or(let left, let right): return try left.evaluate(item, context) || right.evaluate(item, context)
        case .not(let condition): return try !condition.evaluate(item, context)
        case .function(let name, let arguments):
            return try Self.function(name, arguments.map { $0.evaluate(item, context) }, kind: context)
        }
    }

    static func compare(_ left: AttributeValue?, _ comparator: Comparator, _ right: AttributeValue?) -> Bool {
        guard let left, let right else { return comparator == .notEqual && (left != nil || right != nil) }
        switch comparator {
        case .equal: return left == right
        case .notEqual: return left != right
        case .less: return order(left, right).map { $0 < 0 } ?? false
        case .lessOrEqual: return order(left, right).map { $0 <= 0 } ?? false
        case .greater: return order(left, right).map { $0 > 0 } ?? false
        case .greaterOrEqual: return order(left, right).map { $0 >= 0 } ?? false
        }
    }

    /// −1, 0 or 1 for two scalars of the same ordered type (N, S, B); nil otherwise.
    static func order(_ left: AttributeValue, _ right: AttributeValue) -> Int? {
        switch (left, right) {
        case (.number(let a), .number(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): bytesOrder(Array(a.utf8), Array(b.utf8))
        case (.binary(let a), .binary(let b)): bytesOrder(a, b)
        default: nil
        }
    }

    /// DynamoDB orders strings and binaries by their bytes (unsigned), not by Unicode collation.
    static func bytesOrder(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.lexicographicallyPrecedes(b) ? -1 : (a == b ? 0 : 1)
    }

    private static func between(_ value: AttributeValue?, _ lower: AttributeValue?, _ upper: AttributeValue?) throws -> Bool {
        guard let lower, let upper else { return false }
        if let bounds = order(lower, upper), bounds > 0 {
            throw DynamoError.validation(
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                    + "lower bound operand: AttributeValue: {\(lower.typeName):\(lower.plain)}, upper bound operand: AttributeValue: {\(upper.typeName):\(upper.plain)}"
            )
        }
        guard let value, let low = order(value, lower), let high = order(value, upper) else { return false }
        return low >= 0 && high <= 0
    }
}

extension AttributeValue {
    /// The value as DynamoDB's messages print it (`5`, `abc`).
    var plain: String {
        switch self {
        case .string(let value): value
        case .number(let value): value.description
        default: json.description
        }
    }
}
