/// The request line and header fields of a request, before its body.
struct RequestHead {
    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders

    /// Parses the head: `bytes` runs from the request line up to, not including, the final empty line's CRLF,
    /// so it is lines separated by CRLF where the last line ends with CRLF.
    init(parsing bytes: ArraySlice<UInt8>) throws(HTTPError) {
        var lines = try Self.lines(of: bytes)
        guard !lines.isEmpty else { throw HTTPError(.badRequest, message: "Missing request line.") }
        (method, target, version) = try Self.requestLine(lines.removeFirst())
        headers = HTTPHeaders()
        for line in lines {
            let field = try Self.field(line)
            headers.add(name: field.name, value: field.value)
        }
        if version == .http11 && headers.values(for: "Host").count != 1 {
            throw HTTPError(.badRequest, message: "An HTTP/1.1 request needs exactly one Host field.")
        }
    }

    /// Splits on CRLF; a bare CR or LF anywhere is a 400 (lenient line endings enable request smuggling).
    static func lines(of bytes: ArraySlice<UInt8>) throws(HTTPError) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            switch bytes[index] {
            case HTTPSyntax.cr:
                guard index + 1 < bytes.endIndex, bytes[index + 1] == HTTPSyntax.lf else { throw bareLineBreak }
                lines.append(bytes[start..<index])
                index += 2
                start = index
            case HTTPSyntax.lf:
                throw bareLineBreak
            default:
                index += 1
            }
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        return lines
    }

    private static let bareLineBreak = HTTPError(.badRequest, message: "Bare CR or LF in the request head.")

    /// `method SP request-target SP HTTP-version`, exactly one space apart.
    static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (String, String, HTTPVersion) {
        let parts = line.split(separator: HTTPSyntax.space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPSyntax.isTokenByte),
            !parts[1].isEmpty, parts[1].allSatisfy(HTTPSyntax.isTargetByte)
        else { throw HTTPError(.badRequest, message: "Malformed request line.") }
        return (String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), try version(parts[2]))
    }

    /// `HTTP/DIGIT.DIGIT`: 1.0 and 1.1 are served, other well-formed versions are a 505.
    static func version(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
        let text = Array(bytes)
        guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8), text[6] == UInt8(ascii: "."),
            let major = HTTPSyntax.hexValue(text[5]), major < 10, let minor = HTTPSyntax.hexValue(text[7]), minor < 10
        else { throw HTTPError(.badRequest, message: "Malformed HTTP version.") }
        let version = HTTPVersion(major: major, minor: minor)
        guard version == .http11 || version == .http10 else { throw HTTPError(.httpVersionNotSupported) }
        return version
    }

    /// `name: OWS value OWS`; obs-fold, white space before the colon and control bytes are a 400.
    static func field(_ line: ArraySlice<UInt8>) throws(HTTPError) -> HTTPHeaders.Field {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy(HTTPSyntax.isTokenByte)
        else { throw HTTPError(.badRequest, message: "Malformed header field.") }
        var value = line[(colon + 1)...]
        while let first = value.first, first == HTTPSyntax.space || first == HTTPSyntax.tab { value = value.dropFirst() }
        while let last = value.last, last == HTTPSyntax.space || last == HTTPSyntax.tab { value = value.dropLast() }
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else {
            throw HTTPError(.badRequest, message: "Invalid byte in a header field value.")
        }
        return HTTPHeaders.Field(name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }
}
