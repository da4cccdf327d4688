import JSON

/// Function invocation: calls, partial application, `~>`, the tail-call trampoline and argument validation.
extension Evaluator {
    func evaluateFunction(_ expr: Node, _ input: Value?, _ env: Environment, applyTo: Value??) throws(JSONataError) -> Value? {
        let procedure = expr.procedure!
        let proc = try evaluate(procedure, input, env)
        let procName = procedure.type == .path ? procedure.steps[0].value : procedure.value
        if proc == nil, procedure.type == .path, env.lookup(procedure.steps[0].value) != nil {
            throw JSONataError.make("T1005", position: expr.position, token: procName)
        }
        var args: [Value?] = []
        if let applyTo { args.append(applyTo) }
        for arg in expr.arguments { args.append(try evaluate(arg, input, env)) }
        do {
            return try apply(proc, args, input, env)
        } catch {
            throw error.withContext(position: expr.position, token: procName)
        }
    }

    /// Applies a function value, running the trampoline for tail calls.
    func apply(_ proc: Value?, _ args: [Value?], _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        var result = try applyInner(proc, args, input, env)
        while case .function(let f)? = result, case .lambda(let thunk) = f.kind, thunk.isThunk {
            let call = thunk.body
            let next = try evaluate(call.procedure!, thunk.input, thunk.environment)
            var evaluated: [Value?] = []
            for arg in call.arguments { evaluated.append(try evaluate(arg, thunk.input, thunk.environment)) }
            do {
                result = try applyInner(next, evaluated, input, env)
            } catch {
                let name = call.procedure!.type == .variable ? call.procedure!.value : nil
                throw error.withContext(position: call.procedure!.position, token: name)
            }
        }
        return result
    }

    func applyInner(_ proc: Value?, _ args: [Value?], _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        guard case .function(let function)? = proc else { throw JSONataError.make("T1006") }
        var validated = args
        if let signature = function.signature { validated = try signature.validate(args, context: input) }
        switch function.kind {
        case .lambda(let lambda):
            let frame = Environment(parent: lambda.environment)
            tracker?.add(frame)
            for (index, name) in lambda.params.enumerated() { frame.bind(name, index < validated.count ? validated[index] : nil) }
            return try evaluate(lambda.body, lambda.input, frame)
        case .native(let native):
            do {
                let result = try native.body(CallContext(evaluator: self, input: input, environment: env), validated)
                try guardSize(result)
                return result
            } catch {
                throw error.withContext(position: nil, token: native.name)
            }
        case .partial(let base, let bound, let placeholders):
            var filled: [Value?] = []
            var next = 0
            for (index, value) in bound.enumerated() {
                if placeholders[index] {
                    filled.append(next < validated.count ? validated[next] : nil)
                    next += 1
                } else {
                    filled.append(value)
                }
            }
            return try apply(.function(base), filled, input, env)
        case .regex(let regex):
            guard case .string(let text)? = validated.first else { return nil }
            return try regex.firstMatch(in: Array(text.utf16), from: 0, self).map { Value.object($0.matchObject()) }
        case .transform(let node, let frame):
            return try evaluateTransform(node, frame, validated.first ?? nil)
        case .chain(let first, let second):
            let intermediate = try apply(.function(first), validated, nil, env)
            return try apply(.function(second), [intermediate], nil, env)
        case .host(let name, let host):
            return try callHost(name, host, validated)
        }
    }

    private func callHost(_ name: String, _ host: JSONataFunction, _ args: [Value?]) throws(JSONataError) -> Value? {
        var jsonArgs: [JSON?] = []
        for arg in args { jsonArgs.append(try arg?.toJSON()) }
        do {
            return try host.body(jsonArgs).map(Value.init)
        } catch {
            throw error.withContext(position: nil, token: name)
        }
    }

    func evaluatePartial(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        var args: [Value?] = []
        var placeholders: [Bool] = []
        for arg in expr.arguments {
            if arg.type == .op, arg.value == "?" {
                args.append(nil)
                placeholders.append(true)
            } else {
                args.append(try evaluate(arg, input, env))
                placeholders.append(false)
            }
        }
        let procedure = expr.procedure!
        let proc = try evaluate(procedure, input, env)
        let name = procedure.type == .path ? procedure.steps[0].value : procedure.value
        if proc == nil, procedure.type == .path, env.lookup(procedure.steps[0].value) != nil {
            throw JSONataError.make("T1007", position: expr.position, token: name)
        }
        guard case .function(let function)? = proc else { throw JSONataError.make("T1008", position: expr.position, token: name) }
        if case .native(let native) = function.kind, args.count < native.arity {
            args += Array(repeating: nil, count: native.arity - args.count)
            placeholders += Array(repeating: false, count: native.arity - placeholders.count)
        }
        return .function(JFunction(.partial(function, args, placeholders: placeholders)))
    }

    func evaluateApply(_ expr: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> Value? {
        let lhs = try evaluate(expr.lhs!, input, env)
        if expr.rhs!.type == .function { return try evaluateFunction(expr.rhs!, input, env, applyTo: .some(lhs)) }
        let function = try evaluate(expr.rhs!, input, env)
        guard case .function(let g)? = function else {
            throw JSONataError.make("T2006", position: expr.position, value: function)
        }
        if case .function(let f)? = lhs { return .function(JFunction(.chain(f, g))) }
        return try apply(function, [lhs], nil, env)
    }

    /// Calls a function argument of a higher-order built-in with as many of (value, index, array) as it takes.
    func callHOF(_ function: JFunction, _ value: Value?, _ index: Value, _ whole: Value, _ env: Environment) throws(JSONataError) -> Value? {
        var args: [Value?] = [value]
        let arity = function.arity
        if arity >= 2 { args.append(index) }
        if arity >= 3 { args.append(whole) }
        return try apply(.function(function), args, nil, env)
    }
}
