extension ExpressionParser {
    /// Compiles a ConditionExpression, FilterExpression or KeyConditionExpression.
    static func condition(_ text: String, kind: String) throws -> Compiled<Condition> {
        var parser = try ExpressionParser(text, kind: kind)
        let condition = try parser.parseOr()
        try parser.expectEnd()
        return parser.compiled(condition)
    }

    /// `condition OR condition` (lowest precedence).
    mutating func parseOr() throws -> Condition {
        var condition = try parseAnd()
        while acceptKeyword("OR") { condition = .or(condition, try parseAnd()) }
        return condition
    }

    private mutating func parseAnd() throws -> Condition {
        var condition = try parseNot()
        while acceptKeyword("AND") { condition = .and(condition, try parseNot()) }
        return condition
    }

    private mutating func parseNot() throws -> Condition {
        if acceptKeyword("NOT") { return .not(try parseNot()) }
        return try parsePrimary()
    }

    /// A parenthesized condition, a function, or a comparison / BETWEEN / IN on an operand.
    private mutating func parsePrimary() throws -> Condition {
        if accept("(") {
            let condition = try parseOr()
            try expect(")")
            return condition
        }
        if current.kind == .identifier, upcoming.isSymbol("("), Self.conditionFunctions.contains(current.text) {
            return try parseFunction()
        }
        let operand = try parseConditionOperand()
        return try parseComparison(operand)
    }

    private mutating func parseComparison(_ operand: Operand) throws -> Condition {
        if acceptKeyword("BETWEEN") {
            let lower = try parseConditionOperand()
            guard acceptKeyword("AND") else { throw syntaxError() }
            return .between(operand, lower, try parseConditionOperand())
        }
        if acceptKeyword("IN") {
            let candidates = try parseArguments { try $0.parseConditionOperand() }
            return .oneOf(operand, candidates)
        }
        guard current.kind == .symbol, let comparator = Comparator(rawValue: current.text) else {
            if case .function(let name, _) = operand {
                throw invalid("The function is not allowed to be used this way in an expression; function: \(name)")
            }
            throw syntaxError()
        }
        _ = advance()
        return .compare(operand, comparator, try parseConditionOperand())
    }

    private mutating func parseFunction() throws -> Condition {
        let name = advance().text
        let arguments = try parseArguments { try $0.parseConditionOperand() }
        switch name {
        case "attribute_exists", "attribute_not_exists": try checkArguments(name, arguments, count: 1, paths: 1)
        case "attribute_type", "begins_with": try checkArguments(name, arguments, count: 2, paths: 1)
        default: try checkArguments(name, arguments, count: 2, paths: 0)
        }
        return .function(name, arguments)
    }
}
