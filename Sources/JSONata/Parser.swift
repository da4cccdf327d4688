/// JSONata's Pratt parser (top-down operator precedence), following jsonata-js `parser.js`.
struct Parser {
    static let bindingPowers: [String: Int] = [
        ".": 75, "[": 80, "]": 0, "{": 70, "}": 0, "(": 80, ")": 0, ",": 0, "@": 80, "#": 80, ";": 0, ":": 0,
        "?": 20, "+": 50, "-": 50, "*": 60, "/": 60, "%": 60, "|": 0, "=": 40, "<": 40, ">": 40, "^": 40,
        "**": 0, "..": 0, ":=": 10, "!=": 40, "<=": 40, ">=": 40, "~>": 40, "and": 30, "or": 25, "in": 40, "&": 50,
    ]

    var lexer: Lexer
    var node: Node
    let length: Int
    var ancestorLabel = 0
    var ancestorIndex = 0
    /// An upper bound on the height of the tree being built: one per open `expression` call and one per
    /// operator it has folded in so far. Bounding it bounds the parser's recursion and every later walk of the
    /// tree (post-processing, evaluation, release), so no input can overflow a thread's stack.
    var depth = 0

    /// The deepest expression tree accepted (S0220): deep enough for any written expression (AWS stops an
    /// evaluation 100 levels down), shallow enough that a debug build parses it on an 8 MiB stack.
    static let maxDepth = 250

    /// Parses and post-processes `source` into an evaluable tree.
    static func parse(_ source: String) throws(JSONataError) -> Node {
        var parser = Parser(lexer: Lexer(source), node: Node(.end, position: 0), length: source.utf16.count)
        try parser.advance()
        let expr = try parser.expression(0)
        if parser.node.type != .end {
            throw JSONataError.make("S0201", position: parser.node.position, token: parser.node.value)
        }
        let processed = try parser.process(expr)
        if processed.type == .parent || processed.seekingParent != nil {
            throw JSONataError.make("S0217", position: processed.position, token: "\(processed.type)")
        }
        markFastPaths(processed)
        return processed
    }

    /// Marks what evaluation can take a shorter way through (``Node/isFieldPath``). The recursion is bounded by
    /// the tree's height, which ``maxDepth`` bounds.
    static func markFastPaths(_ node: Node) {
        if node.type == .binary { node.binaryOperator = BinaryOperator(rawValue: node.value) }
        if node.type == .path, !node.steps.isEmpty, node.isPlainStep, node.predicate == nil, node.group == nil {
            let first = node.steps[0]
            let firstIsField = (first.type == .variable && !first.value.isEmpty) || first.type == .name
            node.isFieldPath = firstIsField && node.steps.allSatisfy(\.isPlainStep) && node.steps.dropFirst().allSatisfy { $0.type == .name }
        }
        for child in node.children { markFastPaths(child) }
    }

    func lbp(_ n: Node) -> Int {
        switch n.type {
        case .op: Self.bindingPowers[n.value] ?? 0
        default: 0
        }
    }

    @discardableResult
    mutating func advance(_ id: String? = nil, infix: Bool = false) throws(JSONataError) -> Node {
        if let id, node.id != id {
            let code = node.type == .end ? "S0203" : "S0202"
            throw JSONataError.make(code, position: node.position, token: node.value, value: .string(id))
        }
        guard let token = try lexer.next(infix: infix) else {
            node = Node(.end, "(end)", position: length)
            return node
        }
        switch token.kind {
        case .name: node = Node(.name, token.text, position: token.position)
        case .variable: node = Node(.variable, token.text, position: token.position)
        case .op:
            guard Self.bindingPowers[token.text] != nil else {
                throw JSONataError.make("S0204", position: token.position, token: token.text)
            }
            node = Node(.op, token.text, position: token.position)
        case .string:
            node = Node(.string, token.text, position: token.position)
            node.literal = .string(token.text)
        case .number:
            node = Node(.number, NumberText.javaScript(token.number), position: token.position)
            node.literal = .number(token.number)
        case .value:
            node = Node(.value, "\(token.literal)", position: token.position)
            node.literal = token.literal
        case .regex:
            node = Node(.regex, token.regex?.pattern ?? "", position: token.position)
            node.regex = token.regex
        case .end:
            node = Node(.end, "(end)", position: length)
        }
        return node
    }

    mutating func expression(_ rbp: Int) throws(JSONataError) -> Node {
        let entryDepth = depth
        defer { depth = entryDepth }
        try deepen()
        var t = node
        try advance(infix: true)
        var left = try nud(t)
        while rbp < lbp(node) {
            t = node
            try deepen()
            try advance()
            left = try led(t, left)
        }
        return left
    }

    /// One level deeper; S0220 past ``maxDepth``.
    mutating func deepen() throws(JSONataError) {
        depth += 1
        guard depth > Self.maxDepth else { return }
        throw JSONataError.make("S0220", position: node.position, value: .number(Double(Self.maxDepth)))
    }

    mutating func nud(_ t: Node) throws(JSONataError) -> Node {
        switch t.type {
        case .name, .variable, .string, .number, .value, .regex, .end: return t
        case .op: break
        default: throw JSONataError.make("S0211", position: t.position, token: t.value)
        }
        switch t.value {
        case "and", "or", "in": return t
        case "-":
            t.expression = try expression(70)
            t.type = .unary
        case "*": t.type = .wildcard
        case "**": t.type = .descendant
        case "%": t.type = .parent
        case "(": try parseBlock(t)
        case "[": try parseArray(t)
        case "{": try parseObject(t, left: nil)
        case "|": try parseTransform(t)
        default: throw JSONataError.make("S0211", position: t.position, token: t.value)
        }
        return t
    }

    mutating func led(_ t: Node, _ left: Node) throws(JSONataError) -> Node {
        switch t.value {
        case "(": return try parseCall(t, left)
        case "[": return try parsePredicate(t, left)
        case "^": return try parseOrderBy(t, left)
        case "{":
            try parseObject(t, left: left)
            return t
        case ":=":
            guard left.type == .variable else { throw JSONataError.make("S0212", position: left.position, token: left.value) }
            t.lhs = left
            t.rhs = try expression(Self.bindingPowers[":="]! - 1)
            t.type = .binary
            return t
        case "@", "#":
            t.lhs = left
            t.rhs = try expression(Self.bindingPowers[t.value]!)
            guard t.rhs?.type == .variable else {
                throw JSONataError.make("S0214", position: t.rhs?.position, token: t.value)
            }
            t.type = .binary
            return t
        case "?":
            t.type = .condition
            t.condition = left
            t.then = try expression(0)
            if node.id == ":" {
                try advance(":")
                t.otherwise = try expression(0)
            }
            return t
        default:
            t.lhs = left
            t.rhs = try expression(Self.bindingPowers[t.value] ?? 0)
            t.type = .binary
            return t
        }
    }
}
