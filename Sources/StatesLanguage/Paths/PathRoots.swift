import JSON

/// What a path can start from: `$` (the input being processed), `$$` (the context object) and `$name`
/// (a workflow variable).
public struct PathRoots: Sendable {
    public var input: JSON
    public var context: JSON
    public var variables: Variables
    /// Seeds the randomness of States.UUID and States.MathRandom, so a replayed execution draws the same values;
    /// nil uses the system generator.
    public var randomSeed: UInt64?

    public init(input: JSON, context: JSON = .object(JSONObject()), variables: Variables = Variables(), randomSeed: UInt64? = nil) {
        self.input = input
        self.context = context
        self.variables = variables
        self.randomSeed = randomSeed
    }

    /// The generator for one evaluation: seeded from `randomSeed`, or the system's.
    public func makeRandom() -> AnyRandom {
        AnyRandom(seed: randomSeed)
    }
}

/// SplitMix64 when seeded (deterministic and fast), the system generator otherwise.
public struct AnyRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private let seeded: Bool

    public init(seed: UInt64?) {
        state = seed ?? 0
        seeded = seed != nil
    }

    public mutating func next() -> UInt64 {
        guard seeded else {
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
