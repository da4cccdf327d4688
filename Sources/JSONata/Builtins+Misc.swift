/// `$error`, `$assert`, `$eval`, `$now`, `$millis`.
extension Builtins {
    static let miscFunctions: [NativeFunction] = [
        NativeFunction("error", "<s?:x>") { _, args throws(JSONataError) in
            throw JSONataError.make("D3137", extra: ["message": args.string(0) ?? "$error() function evaluated"])
        },
        NativeFunction("assert", "<bs?:x>") { _, args throws(JSONataError) in
            if case .bool(true)? = args.at(0) { return nil }
            throw JSONataError.make("D3141", extra: ["message": args.string(1) ?? "$assert() statement failed"])
        },
        NativeFunction("eval", "<sx?:x>") { context, args throws(JSONataError) in
            guard let source = args.string(0) else { return nil }
            var input = context.input
            if let focus = args.at(1) {
                input = focus
                if case .array(let a) = focus, !a.isSequence {
                    let wrapper = JArray.sequence([focus])
                    wrapper.outerWrapper = true
                    input = .array(wrapper)
                }
            }
            let ast: Node
            do throws(JSONataError) { ast = try Parser.parse(source) } catch {
                throw JSONataError.make("D3120", value: .string(error.message))
            }
            do throws(JSONataError) {
                return try context.evaluator.evaluate(ast, input, context.environment)
            } catch {
                if error.code == Evaluator.needsLargeStack.code { throw error }
                throw JSONataError.make("D3121", value: .string(error.message))
            }
        },
        NativeFunction("now", "<s?s?:s>") { context, args throws(JSONataError) in
            try DateTimeFormat.format(millis: context.evaluator.timestamp, picture: args.string(0), timezone: args.string(1)).map(Value.string)
        },
        NativeFunction("millis", "<:n>") { context, _ in .number(context.evaluator.timestamp) },
    ]
}
