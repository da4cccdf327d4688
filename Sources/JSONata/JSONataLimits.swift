/// Limits that turn runaway evaluation into an error (U1001) instead of a crash or a hang.
public struct JSONataLimits: Sendable, Hashable {
    /// Maximum nesting of evaluation (recursion without tail calls counts here).
    public var maxDepth: Int
    /// Wall-clock budget in seconds; nil for none.
    public var timeout: Double?
    /// Stack reserved for deep evaluations, in bytes.
    public var stackSize: Int

    public init(maxDepth: Int = 10_000, timeout: Double? = 5, stackSize: Int = 512 << 20) {
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.stackSize = stackSize
    }
}
