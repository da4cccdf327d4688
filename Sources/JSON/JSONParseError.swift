/// Why a text is not JSON, and where: byte offset (0-based), line and column (1-based, in bytes).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    package init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var description: String { "\(message) at line \(line), column \(column) (offset \(offset))" }
}
