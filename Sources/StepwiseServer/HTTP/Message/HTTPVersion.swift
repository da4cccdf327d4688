/// The protocol version of a request line, `HTTP/major.minor`.
package struct HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    let major: Int
    let minor: Int

    package init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    static let http10 = HTTPVersion(major: 1, minor: 0)
    static let http11 = HTTPVersion(major: 1, minor: 1)

    package var description: String { "HTTP/\(major).\(minor)" }
}
