/// The parser's compound constructs: calls and lambdas, blocks, constructors, predicates, order-by, transforms.
extension Parser {
    mutating func parseCall(_ t: Node, _ left: Node) throws(JSONataError) -> Node {
        t.procedure = left
        t.type = .function
        if node.id != ")" {
            while true {
                if node.type == .op, node.value == "?" {
                    t.type = .partial
                    t.arguments.append(node)
                    try advance("?")
                } else {
                    t.arguments.append(try expression(0))
                }
                if node.id != "," { break }
                try advance(",")
            }
        }
        try advance(")", infix: true)
        if left.type == .name, left.value == "function" || left.value == "\u{03BB}" {
            try parseLambda(t)
        }
        return t
    }

    private mutating func parseLambda(_ t: Node) throws(JSONataError) {
        for (index, arg) in t.arguments.enumerated() where arg.type != .variable {
            throw JSONataError.make("S0208", position: arg.position, token: arg.value, value: .number(Double(index + 1)))
        }
        t.type = .lambda
        if node.id == "<" {
            let sigPos = node.position
            var depth = 1
            var sig = "<"
            while depth > 0, node.id != "{", node.type != .end {
                let tok = try advance()
                if tok.id == ">" { depth -= 1 } else if tok.id == "<" { depth += 1 }
                sig += tok.type == .end ? "" : tok.value
            }
            try advance(">")
            do {
                t.signature = try Signature(sig)
            } catch {
                var located = error
                located.position = sigPos + (error.position ?? 0)
                throw located
            }
        }
        try advance("{")
        t.body = try expression(0)
        try advance("}")
    }

    mutating func parseBlock(_ t: Node) throws(JSONataError) {
        var expressions: [Node] = []
        while node.id != ")" {
            expressions.append(try expression(0))
            if node.id != ";" { break }
            try advance(";")
        }
        try advance(")", infix: true)
        t.type = .block
        t.expressions = expressions
    }

    mutating func parseArray(_ t: Node) throws(JSONataError) {
        var items: [Node] = []
        if node.id != "]" {
            while true {
                var item = try expression(0)
                if node.id == ".." {
                    let range = Node(.binary, "..", position: node.position)
                    range.lhs = item
                    try advance("..")
                    range.rhs = try expression(0)
                    item = range
                }
                items.append(item)
                if node.id != "," { break }
                try advance(",")
            }
        }
        try advance("]", infix: true)
        t.expressions = items
        t.type = .unary
    }

    mutating func parseObject(_ t: Node, left: Node?) throws(JSONataError) {
        var pairs: [(Node, Node)] = []
        if node.id != "}" {
            while true {
                let key = try expression(0)
                try advance(":")
                let value = try expression(0)
                pairs.append((key, value))
                if node.id != "," { break }
                try advance(",")
            }
        }
        try advance("}", infix: true)
        t.pairs = pairs
        if let left {
            t.lhs = left
            t.type = .binary
        } else {
            t.type = .unary
        }
    }

    mutating func parsePredicate(_ t: Node, _ left: Node) throws(JSONataError) -> Node {
        if node.id == "]" {
            var step = left
            while step.type == .binary, step.value == "[", let inner = step.lhs { step = inner }
            step.keepArray = true
            try advance("]", infix: true)
            return left
        }
        t.lhs = left
        t.rhs = try expression(Self.bindingPowers["]"]!)
        t.type = .binary
        try advance("]", infix: true)
        return t
    }

    mutating func parseOrderBy(_ t: Node, _ left: Node) throws(JSONataError) -> Node {
        try advance("(")
        var terms: [SortTerm] = []
        while true {
            var descending = false
            if node.id == "<" {
                try advance("<")
            } else if node.id == ">" {
                descending = true
                try advance(">")
            }
            terms.append(SortTerm(descending: descending, expression: try expression(0)))
            if node.id != "," { break }
            try advance(",")
        }
        try advance(")", infix: true)
        t.lhs = left
        t.terms = terms
        t.type = .binary
        return t
    }

    mutating func parseTransform(_ t: Node) throws(JSONataError) {
        t.type = .transform
        t.pattern = try expression(0)
        try advance("|")
        t.update = try expression(0)
        if node.id == "," {
            try advance(",")
            t.delete = try expression(0)
        }
        try advance("|", infix: true)
    }
}
