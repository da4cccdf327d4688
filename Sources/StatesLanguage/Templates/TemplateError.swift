/// A `.$` member of a template that cannot be compiled.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key as written, with its `.$`.
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { "Invalid field '\(key)': \(message)" }
}
