/// What an expression reads from outside itself, found from its syntax tree without evaluating it.
///
/// A host that evaluates expressions without an input (AWS Step Functions hands data over only through
/// variables) uses this to refuse expressions that would read one, and to check the fields read from a
/// variable it provides.
package enum JSONataReference: Hashable, Sendable, CustomStringConvertible {
    /// A field read from the input at the top level: the first step of a path (`phone` in `phone[0]`).
    case inputField(String)
    /// The input itself at the top level: `$` (`$.phone`, `$`).
    case input
    /// The root input `$$`, anywhere in the expression.
    case root
    /// A field read from a variable: `$states.result` reads `result` of `$states`.
    case variableField(variable: String, field: String)

    package var description: String {
        switch self {
        case .inputField(let name): name
        case .input: "$"
        case .root: "$$"
        case .variableField(let variable, let field): "$\(variable).\(field)"
        }
    }
}

extension JSONataExpression {
    /// The expression's references, distinct, in the order they are written.
    ///
    /// Only the first step of a path reads the top-level input: later steps, predicates, sort terms, groupings and
    /// transform patterns read the value before them. A lambda body keeps the context it was defined in, so a
    /// name in it is a top-level read. `$$` and variable fields count wherever they appear.
    package var references: [JSONataReference] {
        var collector = ReferenceCollector()
        collector.topLevel(ast)
        collector.everywhere(ast)
        return collector.ordered.sorted { $0.position < $1.position }.map(\.reference)
    }
}

/// Walks a syntax tree twice: once along the nodes evaluated against the top-level input, once over everything.
private struct ReferenceCollector {
    var ordered: [(reference: JSONataReference, position: Int)] = []
    private var seen: Set<JSONataReference> = []

    mutating func add(_ reference: JSONataReference, at position: Int) {
        if seen.insert(reference).inserted { ordered.append((reference, position)) }
    }

    /// Nodes whose value is computed from the top-level input.
    mutating func topLevel(_ node: Node?) {
        guard let node else { return }
        switch node.type {
        case .path: topLevel(node.steps.first)
        case .name: add(.inputField(node.value), at: node.position)
        case .variable where node.value.isEmpty: add(.input, at: node.position)
        case .unary:
            topLevel(node.expression)
            for item in node.expressions { topLevel(item) }
            for (key, value) in node.pairs {
                topLevel(key)
                topLevel(value)
            }
        case .binary, .apply, .bind:
            if node.type != .bind { topLevel(node.lhs) }
            topLevel(node.rhs)
        case .function, .partial:
            topLevel(node.procedure)
            for argument in node.arguments { topLevel(argument) }
        case .lambda: topLevel(node.body)
        case .condition:
            topLevel(node.condition)
            topLevel(node.then)
            topLevel(node.otherwise)
        case .block: for item in node.expressions { topLevel(item) }
        default: break
        }
    }

    /// Every node: `$$` and `$variable.field` reads count wherever they are.
    mutating func everywhere(_ node: Node?) {
        guard let node else { return }
        if node.type == .variable, node.value == "$" { add(.root, at: node.position) }
        if node.type == .path, node.steps.count > 1, node.steps[0].type == .variable, !node.steps[0].value.isEmpty,
            node.steps[0].value != "$", node.steps[1].type == .name
        {
            add(.variableField(variable: node.steps[0].value, field: node.steps[1].value), at: node.steps[1].position)
        }
        for child in Self.children(of: node) { everywhere(child) }
    }

    static func children(of node: Node) -> [Node] {
        var children = [
            node.lhs, node.rhs, node.expression, node.procedure, node.body, node.condition, node.then,
            node.otherwise, node.pattern, node.update, node.delete,
        ].compactMap { $0 }
        children += node.expressions + node.steps + node.arguments + node.terms.map(\.expression)
        for (key, value) in node.pairs + (node.group?.pairs ?? []) { children += [key, value] }
        for stage in (node.predicate ?? []) + (node.stages ?? []) {
            if case .filter(let predicate, _) = stage { children.append(predicate) }
        }
        return children
    }
}
