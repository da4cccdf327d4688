import JSON

/// What a path can start from: `$` (the input being processed), `$$` (the context object) and `$name`
/// (a workflow variable).
public struct PathRoots: Sendable {
    public var input: JSON
    public var context: JSON
    public var variables: Variables

    public init(input: JSON, context: JSON = .object(JSONObject()), variables: Variables = Variables()) {
        self.input = input
        self.context = context
        self.variables = variables
    }
}

/// Workflow variables visible to a state: its own scope's, and read-only copies of the enclosing scopes'
/// taken when the Parallel branch or Map iteration began (asl-reference §2.3).
public struct Variables: Sendable, Hashable {
    public var outer: [String: JSON]
    public var local: [String: JSON]

    public init(outer: [String: JSON] = [:], local: [String: JSON] = [:]) {
        self.outer = outer
        self.local = local
    }

    public subscript(name: String) -> JSON? { local[name] ?? outer[name] }

    /// The variables an inner scope (a branch or an iteration) starts with.
    public func enteringScope() -> Variables {
        Variables(outer: outer.merging(local) { _, inner in inner }, local: [:])
    }
}
