import Foundation

/// Walks the syntax tree: one evaluator per `evaluate` call, holding the clock, the depth and time guards.
final class Evaluator {
    let timestamp: Double
    let maxDepth: Int
    let maxValueBytes: Int?
    let deadline: UInt64?
    /// Checked with the deadline: set when the evaluation must stop now (StopExecution, a time-out).
    let interrupt: EvaluationInterrupt?
    /// Set while probing on the caller's (possibly small) stack: exceeding it restarts on a large stack.
    let probeDepth: Int?
    /// Set for an evaluation on a cooperative thread (``EvaluationPlace/inline(budget:)``): past this instant it
    /// stops as it does past ``probeDepth``, and runs again on a large-stack thread.
    let budget: UInt64?
    var depth = 0
    private var ticks = 0
    /// Frames that `:=` bound a value in. A lambda keeps the frame it was made in alive, and a frame that binds
    /// the lambda keeps the lambda alive: `( $f := function($x) {...}; $f(1) )` is a reference cycle that
    /// ARC never frees (about 120 KB a record in a Map over 100,000 rows). Nothing of an evaluation outlives it
    /// (results leave as JSON), so the evaluation clears these frames when it ends.
    private var boundFrames: [Environment] = []
    /// Test hook: weak references to every frame this evaluator made.
    var tracker: FrameTracker?

    init(
        timestamp: Double, maxDepth: Int, deadline: UInt64?, probeDepth: Int?, maxValueBytes: Int? = nil, interrupt: EvaluationInterrupt? = nil,
        budget: UInt64? = nil
    ) {
        self.interrupt = interrupt
        self.budget = budget
        self.timestamp = timestamp
        self.maxDepth = maxDepth
        self.maxValueBytes = maxValueBytes
        self.deadline = deadline
        self.probeDepth = probeDepth
    }

    /// Thrown past ``probeDepth`` or ``budget``: the caller runs the evaluation again on a large-stack thread.
    static let needsLargeStack = JSONataError(code: "U0000", message: "internal: retry on a large stack")

    func guardResources() throws(JSONataError) {
        if let probeDepth, depth > probeDepth { throw Self.needsLargeStack }
        if depth > maxDepth {
            throw JSONataError.make(
                "U1001",
                extra: ["message": "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive."])
        }
        try guardTime()
    }

    /// U1001 once the deadline has passed, ``JSONataError/interruptedCode`` once the interrupt is requested. Cheap
    /// enough for every iteration of a long loop inside a built-in (sorting, `$distinct`, string building), which
    /// must call it: such a loop never goes through `evaluate`.
    func guardTime() throws(JSONataError) {
        ticks &+= 1
        guard ticks & 255 == 0 else { return }
        if let interrupt, interrupt.isRequested { throw Self.interrupted() }
        guard deadline != nil || budget != nil else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if let budget, now > budget { throw Self.needsLargeStack }
        if let deadline, now > deadline { throw Self.timeout() }
    }

    /// U1003 when a value just built nests arrays and objects deeper than ``Value/maxNesting``: checked where
    /// values are built (constructors, function results), so `$reduce` cannot grow one a level per item.
    func guardNesting(_ value: Value?) throws(JSONataError) {
        guard let value, value.nesting() > Value.maxNesting else { return }
        throw JSONataError.make(
            "U1003", extra: ["message": "Value nesting limit exceeded: arrays and objects nest more than \(Value.maxNesting) levels deep"])
    }

    static func interrupted() -> JSONataError {
        JSONataError(code: JSONataError.interruptedCode, message: "The evaluation was interrupted")
    }

    static func timeout() -> JSONataError {
        JSONataError.make("U1001", extra: ["message": "Expression evaluation timeout: Check for infinite loop"])
    }

    /// U1002 when a value about to be built (`bytes` long) is larger than the limit allows.
    func guardSize(_ bytes: Int) throws(JSONataError) {
        guard let maxValueBytes, bytes > maxValueBytes else { return }
        throw Self.memoryLimit()
    }

    static func memoryLimit() -> JSONataError {
        JSONataError.make("U1002", extra: ["message": "Expression evaluation memory limit exceeded: Check for excessive memory usage"])
    }

    /// `guardSize` for a string result.
    func guardSize(_ value: Value?) throws(JSONataError) {
        if maxValueBytes != nil, case .string(let text)? = value { try guardSize(text.utf8.count) }
    }

    /// Ends the evaluation's reference cycles (see ``boundFrames``); call once its result has been converted.
    func releaseFrames() {
        for frame in boundFrames { frame.clear() }
        boundFrames.removeAll()
    }

    func evaluate(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        depth += 1
        defer { depth -= 1 }
        try guardResources()
        var result = try evaluateKind(expr, input, env)
        if let predicate = expr.predicate {
            for case .filter(let p, _) in predicate { result = .array(try evaluateFilter(p, result, env)) }
        }
        if expr.type != .path, let group = expr.group {
            result = .object(try evaluateGroup(group.pairs, position: group.position, result, env))
        }
        switch expr.type {
        case .unary, .function, .partial, .apply: try guardNesting(result)  // constructors and calls build values
        default: if expr.group != nil { try guardNesting(result) }
        }
        if case .array(let a) = result, a.isSequence, !a.tupleStream {
            if expr.keepArray { a.keepSingleton = true }
            if a.items.isEmpty {
                result = nil
            } else if a.items.count == 1, !a.keepSingleton {
                result = a.items[0]
            }
        }
        return result
    }

    private func evaluateKind(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        switch expr.type {
        case .path: return try evaluatePath(expr, input, env)
        case .binary: return try evaluateBinary(expr, input, env)
        case .unary: return try evaluateUnary(expr, input, env)
        case .name: return Self.lookup(input, expr.value)
        case .string, .number, .value: return Parser.literalValue(expr.literal)
        case .wildcard: return evaluateWildcard(input)
        case .descendant: return evaluateDescendants(input)
        case .parent: return env.lookup(expr.slot!.label)
        case .condition:
            let condition = try evaluate(expr.condition!, input, env)
            if Functions.boolean(condition) == true { return try evaluate(expr.then!, input, env) }
            if let otherwise = expr.otherwise { return try evaluate(otherwise, input, env) }
            return nil
        case .block:
            let frame = Environment(parent: env)
            tracker?.add(frame)
            var result: Value?
            for item in expr.expressions { result = try evaluate(item, input, frame) }
            return result
        case .bind:
            let value = try evaluate(expr.rhs!, input, env)
            env.bind(expr.lhs!.value, value)
            if !env.listed {
                env.listed = true
                boundFrames.append(env)
            }
            return value
        case .regex: return .function(JFunction(.regex(expr.regex!)))
        case .function: return try evaluateFunction(expr, input, env, applyTo: nil)
        case .variable:
            if expr.value.isEmpty {
                if case .array(let a) = input, a.outerWrapper { return a.items.first }
                return input
            }
            return env.lookup(expr.value)
        case .lambda:
            let lambda = Lambda(
                params: expr.arguments.map(\.value), body: expr.body!, signature: expr.signature, environment: env, input: input,
                isThunk: expr.thunk)
            return .function(JFunction(.lambda(lambda)))
        case .partial: return try evaluatePartial(expr, input, env)
        case .apply: return try evaluateApply(expr, input, env)
        case .transform: return .function(JFunction(.transform(expr, env)))
        case .sort, .op, .end: return nil
        }
    }

    /// `fn.lookup`: a field of an object, mapped over arrays.
    static func lookup(_ input: Value?, _ key: String) -> Value? {
        switch input {
        case .array(let a)?:
            let result = JArray.sequence()
            for item in a.items {
                switch lookup(item, key) {
                case .array(let inner)?: result.items.append(contentsOf: inner.items)
                case let res?: result.items.append(res)
                case nil: break
                }
            }
            return .array(result)
        case .object(let o)?:
            return o[key]
        default:
            return nil
        }
    }

    private func evaluateWildcard(_ input: Value?) -> Value? {
        var source = input
        if case .array(let a) = input, a.outerWrapper, let first = a.items.first { source = first }
        var values: [Value] = []
        switch source {
        case .object(let o)?: values = o.pairs.map(\.1)
        case .array(let a)?: values = a.items
        default: return .array(JArray.sequence())
        }
        var results = JArray.sequence()
        for value in values {
            if case .array = value {
                var flat: [Value] = []
                Self.flatten(value, into: &flat)
                results = JArray(results.items + flat)
            } else {
                results.items.append(value)
            }
        }
        return .array(results)
    }

    static func flatten(_ value: Value, into out: inout [Value]) {
        if case .array(let a) = value {
            for item in a.items { flatten(item, into: &out) }
        } else {
            out.append(value)
        }
    }

    private func evaluateDescendants(_ input: Value?) -> Value? {
        guard let input else { return nil }
        var results: [Value] = []
        Self.recurseDescendants(input, &results)
        if results.count == 1 { return results[0] }
        return .array(JArray.sequence(results))
    }

    private static func recurseDescendants(_ input: Value, _ results: inout [Value]) {
        switch input {
        case .array(let a): for member in a.items { recurseDescendants(member, &results) }
        case .object(let o):
            results.append(input)
            for (_, value) in o.pairs { recurseDescendants(value, &results) }
        default: results.append(input)
        }
    }
}
