/// A frame of variable bindings; lookups walk out to the enclosing frames, then to the function library.
final class Environment {
    private var bindings: [String: Value?] = [:]
    let parent: Environment?
    let library: Library?

    init(parent: Environment?) {
        self.parent = parent
        self.library = parent?.library
    }

    init(library: Library) {
        self.parent = nil
        self.library = library
    }

    /// Set once the evaluator has listed this frame for ``Evaluator/releaseFrames()``.
    var listed = false

    func bind(_ name: String, _ value: Value?) { bindings[name] = .some(value) }

    /// Drops every binding: breaks the cycle of a frame holding a lambda that holds the frame.
    func clear() { bindings.removeAll() }

    func lookup(_ name: String) -> Value? {
        var frame: Environment? = self
        while let current = frame {
            if let found = current.bindings[name] { return found }
            frame = current.parent
        }
        return library?.lookup(name)
    }

    /// A frame holding every binding of a tuple (`@` and the focus, index and ancestor labels).
    static func from(tuple: JObject, parent: Environment) -> Environment {
        let frame = Environment(parent: parent)
        for (key, value) in tuple.pairs { frame.bindings[key] = .some(value) }
        return frame
    }
}

/// A callable JSONata value: a lambda (closure), a built-in, a partial application, a regex matcher,
/// a transform, a chain of two functions, or a function the host registered.
final class JFunction {
    enum Kind {
        case lambda(Lambda)
        case native(NativeFunction)
        case partial(JFunction, [Value?], placeholders: [Bool])
        case regex(RegexLiteral)
        case transform(Node, Environment)
        case chain(JFunction, JFunction)
        case host(String, JSONataFunction)
    }

    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    /// How many arguments the function declares; higher-order functions pass index and array only when it takes them.
    var arity: Int {
        switch kind {
        case .lambda(let lambda): lambda.params.count
        case .native(let native): native.arity
        case .partial(_, _, let placeholders): placeholders.filter { $0 }.count
        case .regex, .transform, .chain: 1
        case .host(_, let function): function.arity
        }
    }

    var signature: Signature? {
        switch kind {
        case .lambda(let lambda): lambda.signature
        case .native(let native): native.signature
        case .transform: Builtins.transformSignature
        case .host(_, let function): function.signature
        default: nil
        }
    }
}

/// A closure: parameters and body of a `function(...) {...}`, with the frame and context it was created in.
final class Lambda {
    let params: [String]
    let body: Node
    let signature: Signature?
    let environment: Environment
    let input: Value?
    let isThunk: Bool

    init(params: [String], body: Node, signature: Signature?, environment: Environment, input: Value?, isThunk: Bool) {
        self.params = params
        self.body = body
        self.signature = signature
        self.environment = environment
        self.input = input
        self.isThunk = isThunk
    }
}

/// What a built-in sees of its call: the evaluator, the context value and the calling frame.
struct CallContext {
    let evaluator: Evaluator
    let input: Value?
    let environment: Environment
}

/// A built-in function: its name, signature and implementation.
struct NativeFunction: Sendable {
    typealias Body = @Sendable (CallContext, [Value?]) throws(JSONataError) -> Value?
    let name: String
    let signature: Signature?
    let arity: Int
    let body: Body

    init(_ name: String, _ signature: String, arity: Int? = nil, _ body: @escaping Body) {
        self.name = name
        let parsed = try? Signature(signature)
        self.signature = parsed
        self.arity = arity ?? parsed?.params.count ?? 0
        self.body = body
    }
}
