/// How the body of a request is delimited (RFC 9112 §6.3).
enum BodyFraming: Equatable {
    case none
    case length(Int)
    case chunked

    /// Reads the framing from the head: chunked, a Content-Length, or no body.
    ///
    /// Both Transfer-Encoding and Content-Length, differing Content-Length values or Transfer-Encoding in
    /// HTTP/1.0 are a 400, because servers disagreeing on framing is how requests get smuggled.
    init(head: RequestHead, maxBodyBytes: Int) throws(HTTPError) {
        let encodings = head.headers.values(for: "Transfer-Encoding")
        let lengths = head.headers.values(for: "Content-Length")
        if !encodings.isEmpty {
            guard lengths.isEmpty else { throw HTTPError(.badRequest, message: "Both Transfer-Encoding and Content-Length.") }
            guard head.version == .http11 else { throw HTTPError(.badRequest, message: "Transfer-Encoding in HTTP/1.0.") }
            self = try Self.transferCoding(encodings)
        } else if !lengths.isEmpty {
            let length = try Self.contentLength(lengths)
            guard length <= maxBodyBytes else { throw HTTPError(.contentTooLarge) }
            self = length == 0 ? .none : .length(length)
        } else {
            self = .none
        }
    }

    /// Only `chunked` is supported; it must be the last coding.
    private static func transferCoding(_ values: [String]) throws(HTTPError) -> BodyFraming {
        let codings = values.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces.lowercased() }
        guard codings.last == "chunked" else { throw HTTPError(.badRequest, message: "The last transfer coding must be chunked.") }
        guard codings.count == 1 else { throw HTTPError(.notImplemented, message: "Unsupported transfer coding.") }
        return .chunked
    }

    /// One decimal length; repeated values (as fields or a list) must all be the same.
    private static func contentLength(_ values: [String]) throws(HTTPError) -> Int {
        let items = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map { String($0).trimmingSpaces }
        var lengths = Set<Int>()
        for item in items {
            guard !item.isEmpty, item.utf8.count <= 18, item.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(item) else {
                throw HTTPError(.badRequest, message: "Malformed Content-Length.")
            }
            lengths.insert(value)
        }
        guard lengths.count == 1, let length = lengths.first else { throw HTTPError(.badRequest, message: "Conflicting Content-Length values.") }
        return length
    }
}
