/// A path that does not parse: the text, what is wrong with it and at which character offset.
public struct PathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// Offset in Unicode scalars from the start of the path; nil when the whole path is at fault.
    public var offset: Int?

    public init(path: String, message: String, offset: Int? = nil) {
        self.path = path
        self.message = message
        self.offset = offset
    }

    public var description: String {
        offset.map { "Invalid path '\(path)': \(message) at position \($0)" } ?? "Invalid path '\(path)': \(message)"
    }
}
