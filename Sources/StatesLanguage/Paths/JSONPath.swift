import JSON

/// A compiled JSONPath as ASL uses it (asl-reference §3.2): rooted at `$` (input), `$$` (context object) or
/// `$name` (a variable). Parse once with `init(_:)`, evaluate many times.
///
/// PLACEHOLDER: handles only `.name` and `[n]` steps; the full grammar (filters, wildcards, slices, unions,
/// recursive descent, quoted names) replaces it.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Root: Sendable, Hashable {
        case input
        case context
        case variable(String)
    }

    enum Step: Sendable, Hashable {
        case member(String)
        case index(Int)
    }

    public let text: String
    public let root: Root
    let steps: [Step]

    public var description: String { text }

    /// Parses a Path. Throws with a message naming what is wrong.
    public init(_ text: String) throws(PathSyntaxError) {
        self.text = text
        var rest = Substring(text)
        guard rest.hasPrefix("$") else { throw PathSyntaxError(path: text, message: "a path must start with '$'") }
        rest = rest.dropFirst()
        if rest.hasPrefix("$") {
            root = .context
            rest = rest.dropFirst()
        } else if let first = rest.first, first != "." && first != "[" {
            let name = rest.prefix { $0 != "." && $0 != "[" }
            root = .variable(String(name))
            rest = rest.dropFirst(name.count)
        } else {
            root = .input
        }
        var steps: [Step] = []
        while let first = rest.first {
            if first == "." {
                let name = rest.dropFirst().prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw PathSyntaxError(path: text, message: "empty member name") }
                steps.append(.member(String(name)))
                rest = rest.dropFirst(1 + name.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else {
                    throw PathSyntaxError(path: text, message: "bad index")
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                throw PathSyntaxError(path: text, message: "unexpected character '\(first)'")
            }
        }
        self.steps = steps
    }

    /// True when the path can only ever select one node (a Reference Path: member names and indexes only).
    public var isReferencePath: Bool { true }

    /// The selected value, or nil when the path matches nothing. Multiple matches come back as an array.
    public func value(in roots: PathRoots) -> JSON? {
        var current: JSON
        switch root {
        case .input: current = roots.input
        case .context: current = roots.context
        case .variable(let name):
            guard let value = roots.variables[name] else { return nil }
            current = value
        }
        for step in steps {
            switch step {
            case .member(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            }
        }
        return current
    }

    /// Writes `value` at this (reference) path inside `target`, creating objects on the way
    /// (ResultPath semantics). Throws States.ResultPathMatchFailure when it cannot be placed.
    public func setting(_ value: JSON, in target: JSON) throws(StatesError) -> JSON {
        try Self.set(value, steps[...], in: target, path: text)
    }

    private static func set(_ value: JSON, _ steps: ArraySlice<Step>, in target: JSON, path: String) throws(StatesError) -> JSON {
        guard let step = steps.first else { return value }
        switch (step, target) {
        case (.member(let name), .object(var object)):
            object[name] = try set(value, steps.dropFirst(), in: object[name] ?? .object(JSONObject()), path: path)
            return .object(object)
        case (.index(let index), .array(var array)) where array.indices.contains(index):
            array[index] = try set(value, steps.dropFirst(), in: array[index], path: path)
            return .array(array)
        default:
            throw StatesError(
                StatesError.Name.resultPathMatchFailure,
                "Unable to apply ResultPath \"\(path)\" to input \(target.serialized())")
        }
    }
}

/// A path that does not parse: the text and what is wrong with it.
public struct PathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "Invalid path '\(path)': \(message)" }
}
