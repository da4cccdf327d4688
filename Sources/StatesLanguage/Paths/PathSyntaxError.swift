/// A path that does not parse: the text, what is wrong with it and at which character offset.
package struct PathSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    package var path: String
    package var message: String
    /// Offset in Unicode scalars from the start of the path; nil when the whole path is at fault.
    package var offset: Int?

    package init(path: String, message: String, offset: Int? = nil) {
        self.path = path
        self.message = message
        self.offset = offset
    }

    /// The message with the path quoted; a path longer than 200 characters is shown by its first 100 and "…".
    package var description: String {
        let shown = path.count > 200 ? path.prefix(100) + "…" : Substring(path)
        return offset.map { "Invalid path '\(shown)': \(message) at position \($0)" } ?? "Invalid path '\(shown)': \(message)"
    }
}
