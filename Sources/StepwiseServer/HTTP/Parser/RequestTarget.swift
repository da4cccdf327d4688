/// A request target split into its percent-decoded path and query parameters (RFC 9112 §3.2).
struct RequestTarget: Equatable {
    var path: String
    var query: [(name: String, value: String)]

    static func == (lhs: RequestTarget, rhs: RequestTarget) -> Bool {
        lhs.path == rhs.path && lhs.query.elementsEqual(rhs.query) { $0 == $1 }
    }

    /// Parses origin-form (`/a?b=c`), absolute-form (`http://host/a`) and, for OPTIONS, `*`.
    init(parsing target: String, method: String) throws(HTTPError) {
        var target = Substring(target)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        if target == "*" && method == "OPTIONS" {
            (path, query) = ("*", [])
            return
        }
        if let afterScheme = Self.dropScheme(target) {
            target = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        guard target.hasPrefix("/") else { throw HTTPError(.badRequest, message: "Unsupported request target.") }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = try Self.decode(parts[0], plusIsSpace: false)
        query = try parts.count > 1 ? Self.decodeQuery(parts[1]) : []
    }

    private static func dropScheme(_ target: Substring) -> Substring? {
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            return target.dropFirst(scheme.count)
        }
        return nil
    }

    /// Splits `a=1&b=2` into ordered, decoded pairs; empty pieces are skipped, a missing `=` means an empty value.
    static func decodeQuery(_ query: Substring) throws(HTTPError) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for piece in query.split(separator: "&") {
            let nameAndValue = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = nameAndValue.count > 1 ? nameAndValue[1] : ""
            pairs.append((try decode(nameAndValue[0], plusIsSpace: true), try decode(value, plusIsSpace: true)))
        }
        return pairs
    }

    /// Percent-decodes `text`; a bad escape, an encoded NUL or bytes that are not UTF-8 are a 400.
    static func decode(_ text: Substring, plusIsSpace: Bool) throws(HTTPError) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        let encoded = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < encoded.count,
                    let high = HTTPSyntax.hexValue(encoded[index + 1]),
                    let low = HTTPSyntax.hexValue(encoded[index + 2]),
                    (high | low) != 0
                else { throw HTTPError(.badRequest, message: "Malformed percent-encoding in the request target.") }
                bytes.append(UInt8(high << 4 | low))
                index += 3
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw HTTPError(.badRequest, message: "The request target does not decode to UTF-8.")
        }
        return decoded
    }
}
