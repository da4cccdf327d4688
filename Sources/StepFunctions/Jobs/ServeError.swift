/// Why `stepwise serve` could not start, in words for its user.
package struct ServeError: Error, Sendable, CustomStringConvertible {
    package let message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
