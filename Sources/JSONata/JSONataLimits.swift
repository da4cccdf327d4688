/// Limits that turn runaway evaluation into an error instead of a crash or a hang: U1001 for depth and time (the
/// codes of jsonata-js's own guard), U1002 for memory (Stepwise's).
public struct JSONataLimits: Sendable, Hashable {
    /// Maximum nesting of evaluation (recursion without tail calls counts here).
    public var maxDepth: Int
    /// Wall-clock budget in seconds; nil for none.
    public var timeout: Double?
    /// Stack reserved for deep evaluations, in bytes.
    public var stackSize: Int
    /// The largest value one step may build, in bytes (a string's UTF-8, 8 per number of a range); nil for none.
    public var maxValueBytes: Int?

    public init(maxDepth: Int = 10_000, timeout: Double? = 5, stackSize: Int = 512 << 20, maxValueBytes: Int? = nil) {
        self.maxDepth = maxDepth
        self.timeout = timeout
        self.stackSize = stackSize
        self.maxValueBytes = maxValueBytes
    }
}
