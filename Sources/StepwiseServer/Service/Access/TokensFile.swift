import Digests

/// The bearer tokens `stepwise serve --tokens FILE` accepts: one principal a line, `NAME TOKEN` (separated by
/// spaces or tabs); blank lines and lines starting with `#` are skipped. A token is at least 16 characters of
/// visible ASCII; names and tokens are unique.
package struct TokensFile: Sendable {
    /// A line the format does not allow; the message names the line, never the token.
    package struct ParseError: Error, Equatable {
        package var message: String
    }

    /// The SHA-256 of each token with its principal: tokens are compared by digest, so a lookup takes the same
    /// time whatever the token's first characters, and the file's tokens are not kept in memory.
    let principals: [[UInt8]: String]

    package init(parsing text: String) throws(ParseError) {
        var principals: [[UInt8]: String] = [:]
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            guard words.count == 2 else { throw ParseError(message: "line \(offset + 1): expected 'NAME TOKEN'") }
            let (name, token) = (String(words[0]), String(words[1]))
            guard token.utf8.count >= 16, token.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
                throw ParseError(message: "line \(offset + 1): the token of '\(name)' must be at least 16 visible ASCII characters")
            }
            guard !principals.values.contains(name) else { throw ParseError(message: "line \(offset + 1): '\(name)' is named twice") }
            let digest = Digest.hash(Array(token.utf8), .sha256)
            guard principals[digest] == nil else { throw ParseError(message: "line \(offset + 1): the token of '\(name)' is used twice") }
            principals[digest] = name
        }
        guard !principals.isEmpty else { throw ParseError(message: "no 'NAME TOKEN' line") }
        self.principals = principals
    }

    /// The principal whose token is `token`, if any.
    package func principal(for token: String) -> String? {
        principals[Digest.hash(Array(token.utf8), .sha256)]
    }
}
