/// A frame of variable bindings; lookups walk out to the enclosing frames, then to the function library.
///
/// Frames are made for every evaluation, block and lambda call and hold a handful of names, so the bindings are
/// an array searched linearly (no hashing, nothing allocated for an empty frame); a frame that grows past
/// ``indexedFrom`` bindings adds a dictionary from name to position. Each operation touches the stored
/// bindings once (a class property costs a run-time exclusivity check per access).
final class Environment {
    private struct Entry {
        let name: String
        var value: Value?
    }

    private struct Bindings {
        var entries: [Entry] = []
        var index: [String: Int]?

        func position(of name: String) -> Int? {
            if let index { return index[name] }
            for position in entries.indices where entries[position].name == name { return position }
            return nil
        }

        mutating func bind(_ name: String, _ value: Value?) {
            if let position = position(of: name) {
                entries[position].value = value
                return
            }
            if entries.isEmpty { entries.reserveCapacity(4) }
            entries.append(Entry(name: name, value: value))
            if index != nil {
                index![name] = entries.count - 1
            } else if entries.count == Environment.indexedFrom {
                index = Dictionary(uniqueKeysWithValues: entries.indices.map { (entries[$0].name, $0) })
            }
        }

        func local(_ name: String) -> Value?? {
            guard let position = position(of: name) else { return nil }
            return .some(entries[position].value)
        }
    }

    private var bindings = Bindings()
    let parent: Environment?
    let library: Library?

    static let indexedFrom = 16

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

    func bind(_ name: String, _ value: Value?) { bindings.bind(name, value) }

    /// Drops every binding: breaks the cycle of a frame holding a lambda that holds the frame.
    func clear() { bindings = Bindings() }

    /// The value bound to `name` in this frame: `.some(nil)` when bound to undefined, nil when not bound here.
    func local(_ name: String) -> Value?? { bindings.local(name) }

    func lookup(_ name: String) -> Value? {
        var frame: Environment? = self
        while let current = frame {
            if let found = current.local(name) { return found }
            frame = current.parent
        }
        return library?.lookup(name)
    }

    /// A frame holding every binding of a tuple (`@` and the focus, index and ancestor labels).
    static func from(tuple: JObject, parent: Environment) -> Environment {
        let frame = Environment(parent: parent)
        for (key, value) in tuple.pairs { frame.bind(key, value) }
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
