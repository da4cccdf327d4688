/// A mock config or resources file that cannot be used: which file, where in it, and what is wrong.
public struct ConfigFileError: Error, Sendable, CustomStringConvertible {
    /// The kind of file: "MockConfigError" or "ResourcesFileError".
    public let name: String
    public let message: String
    /// The file, and the path of the offending field inside it (`MockedResponses.Retry.1-2`), when known.
    public let location: String

    package init(_ name: String, _ message: String, location: String) {
        self.name = name
        self.message = message
        self.location = location
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
