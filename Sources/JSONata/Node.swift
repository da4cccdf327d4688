/// A node of the syntax tree, first as the Pratt parser builds it, then as the post-parse pass rewrites it
/// (paths flattened into steps, predicates into stages, parent references resolved to slots).
///
/// `@unchecked Sendable`: nodes are mutated only while `Parser` compiles an expression; once
/// `JSONataExpression` holds the tree, nothing writes to it, so sharing it across threads is safe.
final class Node: @unchecked Sendable {
    enum NodeType {
        case path, binary, unary, name, string, number, value, wildcard, descendant, parent, condition, block, bind
        case regex, function, partial, variable, lambda, apply, sort, transform, op, end
    }

    var type: NodeType
    /// The operator symbol (`+`, `.`, `[`, …), the name of a field or variable.
    var value: String
    var position: Int
    var literal: LiteralValue = .null
    var regex: RegexLiteral?

    var lhs: Node?
    var rhs: Node?
    var expression: Node?
    var expressions: [Node] = []
    var pairs: [(Node, Node)] = []
    var terms: [SortTerm] = []
    var steps: [Node] = []

    var procedure: Node?
    var arguments: [Node] = []
    var body: Node?
    var signature: Signature?
    var thunk = false

    var condition: Node?
    var then: Node?
    var otherwise: Node?
    var pattern: Node?
    var update: Node?
    var delete: Node?

    var predicate: [Stage]?
    var stages: [Stage]?
    var group: GroupSpec?

    var keepArray = false
    var keepSingletonArray = false
    var consarray = false
    var tuple = false
    var focus: String?
    var index: String?
    var ancestor: Slot?
    var slot: Slot?
    var seekingParent: [Slot]?

    /// Set by `Parser.markFastPaths` on a path of plain field names after a named variable or a field
    /// (`$states.input.order.id`): evaluation walks its objects directly (see `Evaluator.evaluateFieldPath`).
    var isFieldPath = false
    /// A binary node's operator, resolved once from ``value`` by `Parser.markFastPaths`.
    var binaryOperator: BinaryOperator?

    init(_ type: NodeType, _ value: String = "", position: Int) {
        self.type = type
        self.value = value
        self.position = position
    }

    /// A step or operand with nothing but its name: no predicate, stage, group, `[]`, focus, index or tuple binding.
    var isPlainStep: Bool {
        predicate == nil && stages == nil && group == nil && !keepArray && !keepSingletonArray && !consarray && !tuple && focus == nil
            && index == nil && ancestor == nil && slot == nil && seekingParent == nil
    }

    /// Every child node, for passes over the finished tree.
    var children: [Node] {
        var nodes: [Node] = []
        for child in [lhs, rhs, expression, procedure, body, condition, then, otherwise, pattern, update, delete] {
            if let child { nodes.append(child) }
        }
        nodes += expressions + steps + arguments + terms.map(\.expression)
        for (key, value) in pairs + (group?.pairs ?? []) { nodes += [key, value] }
        for case .filter(let node, _) in (predicate ?? []) + (stages ?? []) { nodes.append(node) }
        return nodes
    }

    /// The symbol the Pratt parser dispatches on: the operator text, or the token class.
    var id: String {
        switch type {
        case .op: value
        case .end: "(end)"
        case .name, .variable: "(name)"
        case .string, .number, .value: "(literal)"
        case .regex: "(regex)"
        default: value
        }
    }
}

/// The operators of binary nodes.
enum BinaryOperator: String {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case concatenate = "&"
    case range = ".."
    case and, or, `in`
}

/// One `<expr` or `>expr` of an order-by clause.
struct SortTerm {
    var descending: Bool
    var expression: Node
}

/// A stage applied to a step's results: a filter predicate, or a `#$i` position binding.
enum Stage {
    case filter(Node, position: Int)
    case index(String, position: Int)
}

/// The `{key: value}` of a grouping applied to a path.
struct GroupSpec {
    var pairs: [(Node, Node)]
    var position: Int
}

/// Where a parent operator `%` finds its value: the label under which a step binds its input in the tuple.
///
/// `@unchecked Sendable`: like `Node`, slots are only mutated while the parser resolves ancestry.
final class Slot: @unchecked Sendable {
    var label: String
    var level: Int
    let index: Int

    init(label: String, level: Int, index: Int) {
        self.label = label
        self.level = level
        self.index = index
    }
}
