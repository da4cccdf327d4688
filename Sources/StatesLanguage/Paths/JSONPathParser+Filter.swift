import JSON

extension JSONPathParser {
    /// `and ('||' and)*`
    mutating func parseFilterOr() throws(PathSyntaxError) -> FilterExpression {
        let entryDepth = depth
        defer { depth = entryDepth }
        var expression = try parseFilterAnd()
        while consume("||") {
            try deepen()
            expression = .or(expression, try parseFilterAnd())
        }
        return expression
    }

    /// `unary ('&&' unary)*`
    mutating func parseFilterAnd() throws(PathSyntaxError) -> FilterExpression {
        let entryDepth = depth
        defer { depth = entryDepth }
        var expression = try parseFilterUnary()
        while consume("&&") {
            try deepen()
            expression = .and(expression, try parseFilterUnary())
        }
        return expression
    }

    /// `'!' unary | '(' or ')' | comparison`
    mutating func parseFilterUnary() throws(PathSyntaxError) -> FilterExpression {
        let entryDepth = depth
        defer { depth = entryDepth }
        try deepen()
        skipSpaces()
        if current == "!", peek(1) != "=" {
            position += 1
            return .not(try parseFilterUnary())
        }
        if current == "(" {
            position += 1
            let inner = try parseFilterOr()
            skipSpaces()
            try expect(")")
            return inner
        }
        return try parseComparison()
    }

    /// `operand (operator operand)?`; a lone operand must be a path (an existence test).
    mutating func parseComparison() throws(PathSyntaxError) -> FilterExpression {
        let start = position
        let left = try parseOperand()
        skipSpaces()
        guard let op = parseOperator() else {
            guard left.isPath else { throw error("expected a comparison operator after a literal", at: start) }
            return .exists(left)
        }
        skipSpaces()
        let right = try parseOperand()
        let isRegex = if case .regex = right { true } else { false }
        if isRegex != (op == .matches) {
            throw error(isRegex ? "a regular expression needs '=~'" : "'=~' needs /regex/ on its right", at: isRegex ? start : nil)
        }
        return .compare(left, op, right)
    }

    /// One level deeper in a filter: every nested filter, `!`, parenthesis and `&&`/`||` counts, so the
    /// expression tree (and every walk of it) is at most ``maxDepth`` deep.
    mutating func deepen() throws(PathSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("filters are nested more than \(Self.maxDepth) levels deep") }
    }

    /// Skips spaces, then consumes `token` if it comes next.
    mutating func consume(_ token: String) -> Bool {
        skipSpaces()
        let tokenScalars = Array(token.unicodeScalars)
        guard scalars.dropFirst(position).starts(with: tokenScalars) else { return false }
        position += tokenScalars.count
        return true
    }

    mutating func parseOperator() -> FilterOperator? {
        for op in FilterOperator.allCases {
            let spelled = Array(op.rawValue.unicodeScalars)
            guard scalars.dropFirst(position).starts(with: spelled) else { continue }
            if op.isWord, let next = peek(spelled.count), next.properties.isAlphabetic { continue }
            position += spelled.count
            return op
        }
        return nil
    }

    mutating func parseOperand() throws(PathSyntaxError) -> FilterOperand {
        skipSpaces()
        switch current {
        case "@", "$":
            let isRoot = current == "$"
            position += 1
            let (segments, function) = try parseSegments(inFilter: true)
            let path = FilterPath(segments: segments, function: function)
            return isRoot ? .root(path) : .current(path)
        case "/":
            return .regex(try parseRegex())
        case nil:
            throw error("the filter ends too early")
        default:
            return .literal(try parseLiteral())
        }
    }

    /// `/pattern/flags`; `\/` stands for a slash in the pattern.
    mutating func parseRegex() throws(PathSyntaxError) -> RegexBox {
        let open = position
        position += 1
        var pattern = String.UnicodeScalarView()
        while let scalar = current, scalar != "/" {
            if scalar == "\\", peek(1) == "/" { position += 1 }
            pattern.append(current!)
            position += 1
        }
        try expect("/")
        var flags = ""
        while let scalar = current, scalar.properties.isAlphabetic {
            flags.unicodeScalars.append(scalar)
            position += 1
        }
        do {
            return try RegexBox(pattern: String(pattern), flags: flags)
        } catch {
            throw self.error("invalid regular expression /\(String(pattern))/", at: open)
        }
    }
}
