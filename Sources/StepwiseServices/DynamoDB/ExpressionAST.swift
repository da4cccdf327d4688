/// A value in an expression: a document path, a `:value`, a function call or `+`/`-` arithmetic.
indirect enum Operand: Sendable, Hashable {
    case path(DocumentPath)
    case value(String)
    /// `size(path)`, `if_not_exists(path, value)`, `list_append(a, b)`.
    case function(String, [Operand])
    case plus(Operand, Operand)
    case minus(Operand, Operand)
}

/// A comparison operator of the condition language.
enum Comparator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A parsed ConditionExpression, FilterExpression or KeyConditionExpression.
indirect enum Condition: Sendable, Hashable {
    case compare(Operand, Comparator, Operand)
    case between(Operand, Operand, Operand)
    case oneOf(Operand, [Operand])
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    /// `attribute_exists`, `attribute_not_exists`, `attribute_type`, `begins_with`, `contains`.
    case function(String, [Operand])
}

/// A parsed UpdateExpression: its four clauses, each at most once, in the order written inside each clause.
struct UpdateExpression: Sendable, Hashable {
    var set: [SetAction] = []
    var remove: [DocumentPath] = []
    var add: [PathValue] = []
    var delete: [PathValue] = []

    struct SetAction: Sendable, Hashable {
        let path: DocumentPath
        let value: Operand
    }

    struct PathValue: Sendable, Hashable {
        let path: DocumentPath
        let value: String
    }

    /// Every path the expression writes, in clause order.
    var paths: [DocumentPath] { self.set.map(\.path) + remove + add.map(\.path) + delete.map(\.path) }
}

/// A compiled expression with the placeholders it uses (checked against each request's maps).
struct Compiled<Body: Sendable>: Sendable {
    let body: Body
    let names: Set<String>
    let values: Set<String>
}
