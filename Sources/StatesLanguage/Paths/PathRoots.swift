import JSON

/// What a path can start from: `$` (the input being processed), `$$` (the context object) and `$name`
/// (a workflow variable).
package struct PathRoots: Sendable {
    package var input: JSON
    package var context: JSON
    package var variables: Variables
    /// Seeds the randomness of States.UUID and States.MathRandom, so a replayed execution draws the same values;
    /// nil uses the system generator.
    package var randomSeed: UInt64?

    package init(input: JSON, context: JSON = .object(JSONObject()), variables: Variables = Variables(), randomSeed: UInt64? = nil) {
        self.input = input
        self.context = context
        self.variables = variables
        self.randomSeed = randomSeed
    }

    /// The generator for one evaluation: seeded from `randomSeed`, or the system's.
    func makeRandom() -> AnyRandom {
        AnyRandom(seed: randomSeed)
    }
}

/// SplitMix64 when seeded (deterministic and fast), the system generator otherwise.
package struct AnyRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private let seeded: Bool

    package init(seed: UInt64?) {
        state = seed ?? 0
        seeded = seed != nil
    }

    package mutating func next() -> UInt64 {
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
package struct Variables: Sendable, Hashable {
    package var outer: [String: JSON]
    package var local: [String: JSON]
    /// What each visible variable adds to the size of all of them as one JSON object (`"name":value`), kept as
    /// variables are assigned so the 10 MiB total is checked without measuring every variable again.
    private(set) var entrySizes: [String: Int] = [:]

    package init(outer: [String: JSON] = [:], local: [String: JSON] = [:]) {
        self.outer = outer
        self.local = local
        for (name, value) in outer.merging(local, uniquingKeysWith: { _, inner in inner }) {
            entrySizes[name] = Self.entrySize(name, value.compactSize)
        }
    }

    package subscript(name: String) -> JSON? { local[name] ?? outer[name] }

    /// Assigns a variable of this scope; `size` is its value's compact size, when the caller measured it already.
    package mutating func assign(_ name: String, _ value: JSON, size: Int? = nil) {
        local[name] = value
        entrySizes[name] = Self.entrySize(name, size ?? value.compactSize)
    }

    /// The compact size of all visible variables as one JSON object, with `changes` (name → value size) applied.
    package func totalSize(with changes: [String: Int] = [:]) -> Int {
        var sizes = entrySizes
        for (name, size) in changes { sizes[name] = Self.entrySize(name, size) }
        return 2 + max(sizes.count - 1, 0) + sizes.values.reduce(0, +)
    }

    static func entrySize(_ name: String, _ valueSize: Int) -> Int { JSON.string(name).compactSize + 1 + valueSize }

    /// The variables an inner scope (a branch or an iteration) starts with.
    package func enteringScope() -> Variables {
        var inner = Variables()
        inner.outer = outer.merging(local) { _, inner in inner }
        inner.entrySizes = entrySizes
        return inner
    }
}
