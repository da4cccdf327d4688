/// A `.$` member of a template that cannot be compiled.
package struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key as written, with its `.$`.
    package var key: String
    package var message: String

    package init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    package var description: String { "Invalid field '\(key)': \(message)" }
}
