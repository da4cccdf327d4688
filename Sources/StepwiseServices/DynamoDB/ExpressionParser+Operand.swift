extension ExpressionParser {
    static let conditionFunctions: Set<String> = [
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains",
    ]
    static let operandFunctions: Set<String> = ["size", "if_not_exists", "list_append"]

    /// A document path: `name`, `#name`, then any of `.name`, `.#name`, `[index]`.
    mutating func parsePath() throws -> DocumentPath {
        var elements = [try pathName()]
        while true {
            if accept(".") {
                elements.append(try pathName())
            } else if accept("[") {
                guard current.kind == .integer, let index = Int(current.text) else { throw syntaxError() }
                _ = advance()
                try expect("]")
                elements.append(.index(index))
            } else {
                return DocumentPath(elements: elements)
            }
        }
    }

    private mutating func pathName() throws -> DocumentPath.Element {
        switch current.kind {
        case .identifier: return .name(advance().text)
        case .namePlaceholder:
            noteName(current.text)
            return .name(advance().text)
        default: throw syntaxError()
        }
    }

    /// A condition operand: a path, a `:value` or `size(path)`.
    mutating func parseConditionOperand() throws -> Operand {
        if current.kind == .identifier, upcoming.isSymbol("(") {
            let name = current.text
            guard Self.operandFunctions.contains(name) || Self.conditionFunctions.contains(name) else {
                throw invalid("Invalid function name; function: \(name)")
            }
            guard name == "size" else {
                throw invalid("The function is not allowed to be used this way in an expression; function: \(name)")
            }
            _ = advance()
            return .function(name, try parseArguments { try $0.parseConditionOperand() })
        }
        return try parseSimpleOperand()
    }

    /// A path or a `:value`.
    mutating func parseSimpleOperand() throws -> Operand {
        if current.kind == .valuePlaceholder {
            noteValue(current.text)
            return .value(advance().text)
        }
        guard current.kind == .identifier || current.kind == .namePlaceholder else { throw syntaxError() }
        return .path(try parsePath())
    }

    /// `( operand, operand, … )`, each parsed by `element`.
    mutating func parseArguments(_ element: (inout ExpressionParser) throws -> Operand) throws -> [Operand] {
        try expect("(")
        var arguments = [try element(&self)]
        while accept(",") { arguments.append(try element(&self)) }
        try expect(")")
        return arguments
    }

    /// Checks a function's argument count and that the arguments that must be paths are.
    func checkArguments(_ name: String, _ arguments: [Operand], count: Int, paths: Int) throws {
        guard arguments.count == count else {
            throw invalid(
                "Incorrect number of operands for operator or function; operator or function: \(name), number of operands: \(arguments.count)")
        }
        for argument in arguments.prefix(paths) {
            guard case .path = argument else {
                throw invalid("Operator or function requires a document path; operator or function: \(name)")
            }
        }
    }
}
