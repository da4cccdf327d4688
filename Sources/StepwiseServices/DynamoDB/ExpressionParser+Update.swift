extension ExpressionParser {
    /// Compiles an UpdateExpression: `SET a = :v, b = b + :n REMOVE c ADD d :n DELETE e :s` (clauses in any order).
    static func update(_ text: String) throws -> Compiled<UpdateExpression> {
        var parser = try ExpressionParser(text, kind: "UpdateExpression")
        var update = UpdateExpression()
        var seen: Set<String> = []
        while !parser.atEnd {
            let clause = parser.current.text.uppercased()
            guard ["SET", "REMOVE", "ADD", "DELETE"].contains(clause), parser.current.kind == .identifier else {
                throw parser.syntaxError()
            }
            guard seen.insert(clause).inserted else {
                throw parser.invalid("The \"\(clause)\" section can only be used once in an update expression;")
            }
            _ = parser.advance()
            try parser.parseClause(clause, into: &update)
        }
        try parser.checkOverlaps(update.paths)
        return parser.compiled(update)
    }

    private mutating func parseClause(_ clause: String, into update: inout UpdateExpression) throws {
        repeat {
            let path = try parsePath()
            switch clause {
            case "SET":
                try expect("=")
                update.set.append(.init(path: path, value: try parseSetValue()))
            case "REMOVE": update.remove.append(path)
            case "ADD": update.add.append(.init(path: path, value: try parseValuePlaceholder()))
            default: update.delete.append(.init(path: path, value: try parseValuePlaceholder()))
            }
        } while accept(",")
    }

    private mutating func parseValuePlaceholder() throws -> String {
        guard current.kind == .valuePlaceholder else { throw syntaxError() }
        noteValue(current.text)
        return advance().text
    }

    /// `operand`, `operand + operand` or `operand - operand`.
    private mutating func parseSetValue() throws -> Operand {
        let left = try parseSetOperand()
        if accept("+") { return .plus(left, try parseSetOperand()) }
        if accept("-") { return .minus(left, try parseSetOperand()) }
        return left
    }

    /// A path, a `:value`, `if_not_exists(path, value)` or `list_append(a, b)`.
    private mutating func parseSetOperand() throws -> Operand {
        guard current.kind == .identifier, upcoming.isSymbol("(") else { return try parseSimpleOperand() }
        let name = advance().text
        guard name == "if_not_exists" || name == "list_append" else {
            if Self.operandFunctions.contains(name) || Self.conditionFunctions.contains(name) {
                throw invalid("The function is not allowed in an update expression; function: \(name)")
            }
            throw invalid("Invalid function name; function: \(name)")
        }
        let arguments = try parseArguments { try $0.parseSetValue() }
        try checkArguments(name, arguments, count: 2, paths: name == "if_not_exists" ? 1 : 0)
        return .function(name, arguments)
    }

    /// DynamoDB rejects two actions on the same path or on a path and one inside it.
    private func checkOverlaps(_ paths: [DocumentPath]) throws {
        for (offset, first) in paths.enumerated() {
            for second in paths[(offset + 1)...] {
                let shorter = min(first.elements.count, second.elements.count)
                guard Array(first.elements.prefix(shorter)) == Array(second.elements.prefix(shorter)) else { continue }
                throw invalid(
                    "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                        + "path one: [\(first.bracketed)], path two: [\(second.bracketed)]")
            }
        }
    }
}

extension DocumentPath {
    /// The path as DynamoDB's overlap message prints it: `a, b, [0]`.
    var bracketed: String {
        elements.map { element in
            switch element {
            case .name(let name): name
            case .index(let index): "[\(index)]"
            }
        }.joined(separator: ", ")
    }
}
