/// The post-parse pass (jsonata-js `processAST`): flattens location paths into steps, attaches predicates,
/// groups and sort terms to steps, resolves parent references, marks tail calls.
extension Parser {
    mutating func process(_ expr: Node) throws(JSONataError) -> Node {
        let result: Node
        switch expr.type {
        case .binary:
            result = try processBinary(expr)
        case .unary:
            result = try processUnary(expr)
        case .function, .partial:
            result = Node(expr.type, expr.value, position: expr.position)
            for arg in expr.arguments {
                let argAST = try process(arg)
                pushAncestry(result, argAST)
                result.arguments.append(argAST)
            }
            result.procedure = try process(expr.procedure!)
        case .lambda:
            result = Node(.lambda, position: expr.position)
            result.arguments = expr.arguments
            result.signature = expr.signature
            result.body = tailCallOptimize(try process(expr.body!))
        case .condition:
            result = Node(.condition, position: expr.position)
            result.condition = try process(expr.condition!)
            pushAncestry(result, result.condition!)
            result.then = try process(expr.then!)
            pushAncestry(result, result.then!)
            if let otherwise = expr.otherwise {
                result.otherwise = try process(otherwise)
                pushAncestry(result, result.otherwise!)
            }
        case .transform:
            result = Node(.transform, position: expr.position)
            result.pattern = try process(expr.pattern!)
            result.update = try process(expr.update!)
            if let delete = expr.delete { result.delete = try process(delete) }
        case .block:
            result = Node(.block, position: expr.position)
            for item in expr.expressions {
                let part = try process(item)
                pushAncestry(result, part)
                if part.consarray || (part.type == .path && part.steps[0].consarray) { result.consarray = true }
                result.expressions.append(part)
            }
        case .name:
            result = Node(.path, position: expr.position)
            result.steps = [expr]
            if expr.keepArray { result.keepSingletonArray = true }
        case .parent:
            result = Node(.parent, position: expr.position)
            result.slot = Slot(label: "!\(ancestorLabel)", level: 1, index: ancestorIndex)
            ancestorLabel += 1
            ancestorIndex += 1
        case .string, .number, .value, .wildcard, .descendant, .variable, .regex:
            result = expr
        case .op:
            if expr.value == "and" || expr.value == "or" || expr.value == "in" {
                expr.type = .name
                result = try process(expr)
            } else if expr.value == "?" {
                result = expr
            } else {
                throw JSONataError.make("S0201", position: expr.position, token: expr.value)
            }
        case .end:
            throw JSONataError.make("S0207", position: expr.position, token: expr.value)
        default:
            throw JSONataError.make("S0206", position: expr.position, token: expr.value)
        }
        if expr.keepArray { result.keepArray = true }
        return result
    }

    private mutating func processUnary(_ expr: Node) throws(JSONataError) -> Node {
        let result = Node(.unary, expr.value, position: expr.position)
        if expr.value == "[" {
            for item in expr.expressions {
                let value = try process(item)
                pushAncestry(result, value)
                result.expressions.append(value)
            }
        } else if expr.value == "{" {
            for (k, v) in expr.pairs {
                let key = try process(k)
                pushAncestry(result, key)
                let value = try process(v)
                pushAncestry(result, value)
                result.pairs.append((key, value))
            }
        } else {
            let operand = try process(expr.expression!)
            if expr.value == "-", operand.type == .number, case .number(let n) = operand.literal {
                operand.literal = .number(-n)
                return operand
            }
            result.expression = operand
            pushAncestry(result, operand)
        }
        return result
    }

    private mutating func processBinary(_ expr: Node) throws(JSONataError) -> Node {
        switch expr.value {
        case ".": return try processDot(expr)
        case "[": return try processPredicate(expr)
        case "{":
            let result = try process(expr.lhs!)
            if result.group != nil { throw JSONataError.make("S0210", position: expr.position) }
            var pairs: [(Node, Node)] = []
            for (k, v) in expr.pairs { pairs.append((try process(k), try process(v))) }
            result.group = GroupSpec(pairs: pairs, position: expr.position)
            return result
        case "^":
            var result = try process(expr.lhs!)
            if result.type != .path {
                let path = Node(.path, position: result.position)
                path.steps = [result]
                result = path
            }
            let sortStep = Node(.sort, position: expr.position)
            for term in expr.terms {
                let e = try process(term.expression)
                pushAncestry(sortStep, e)
                sortStep.terms.append(SortTerm(descending: term.descending, expression: e))
            }
            result.steps.append(sortStep)
            try resolveAncestry(result)
            return result
        case ":=":
            let result = Node(.bind, ":=", position: expr.position)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            pushAncestry(result, result.rhs!)
            return result
        case "@": return try processFocus(expr)
        case "#": return try processIndex(expr)
        case "~>":
            let result = Node(.apply, "~>", position: expr.position)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            result.keepArray = result.lhs!.keepArray || result.rhs!.keepArray
            return result
        default:
            let result = Node(.binary, expr.value, position: expr.position)
            result.lhs = try process(expr.lhs!)
            result.rhs = try process(expr.rhs!)
            pushAncestry(result, result.lhs!)
            pushAncestry(result, result.rhs!)
            return result
        }
    }

    func tailCallOptimize(_ expr: Node) -> Node {
        switch expr.type {
        case .function where expr.predicate == nil:
            let thunk = Node(.lambda, position: expr.position)
            thunk.thunk = true
            thunk.body = expr
            return thunk
        case .condition:
            expr.then = tailCallOptimize(expr.then!)
            if let otherwise = expr.otherwise { expr.otherwise = tailCallOptimize(otherwise) }
            return expr
        case .block:
            if let last = expr.expressions.last { expr.expressions[expr.expressions.count - 1] = tailCallOptimize(last) }
            return expr
        default:
            return expr
        }
    }
}
