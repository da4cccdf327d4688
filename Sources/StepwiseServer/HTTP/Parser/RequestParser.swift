/// Incremental HTTP/1.1 request parser, fed from the front of a connection's input buffer.
///
/// It removes bytes from the buffer as it consumes them, so whatever is left after a request
/// belongs to the next (pipelined) one.
package struct RequestParser {
    /// What the bytes received so far amount to.
    package enum Event {
        /// Not a whole request yet.
        case needMore
        /// The head asked for `Expect: 100-continue` and the body has not arrived: send `100 Continue`.
        case continueExpected
        /// A complete request.
        case request(HTTPRequest)
    }

    private enum State {
        case head(scanned: Int)
        case body(RequestHead, RequestTarget, BodyFraming, ChunkedDecoder?)
    }

    let limits: HTTPLimits
    private var state = State.head(scanned: 0)

    package init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Whether the head is complete and the parser is waiting for the body.
    var isReadingBody: Bool {
        if case .body = state { return true }
        return false
    }

    /// Parses what it can; throws the error response to send when the bytes are not an acceptable request.
    package mutating func parse(_ buffer: inout [UInt8]) throws(HTTPError) -> Event {
        if case .head(let scanned) = state {
            guard let head = try parseHead(&buffer, scanned: scanned) else { return .needMore }
            let target = try RequestTarget(parsing: head.target, method: head.method)
            let framing = try BodyFraming(head: head, maxBodyBytes: limits.maxBodyBytes)
            let decoder = framing == .chunked ? ChunkedDecoder(maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeaderBytes) : nil
            state = .body(head, target, framing, decoder)
            if try expectsContinue(head), framing != .none, !hasWholeBody(buffer, framing) { return .continueExpected }
        }
        guard case .body(let head, let target, let framing, var decoder) = state else { return .needMore }
        guard let (body, trailers) = try readBody(&buffer, framing, &decoder) else {
            state = .body(head, target, framing, decoder)
            return .needMore
        }
        state = .head(scanned: 0)
        return .request(Self.request(head, target, body, trailers))
    }

    /// Finds the empty line ending the head; a head over the limit is a 431.
    private mutating func parseHead(_ buffer: inout [UInt8], scanned: Int) throws(HTTPError) -> RequestHead? {
        if scanned == 0 { Self.dropLeadingEmptyLines(&buffer) }
        guard let end = Self.endOfHead(buffer, from: scanned) else {
            guard buffer.count <= limits.maxHeaderBytes else { throw HTTPError(.requestHeaderFieldsTooLarge) }
            state = .head(scanned: max(0, buffer.count - 3))
            return nil
        }
        guard end + 4 <= limits.maxHeaderBytes else { throw HTTPError(.requestHeaderFieldsTooLarge) }
        let head = try RequestHead(parsing: buffer[..<(end + 2)])
        buffer.removeFirst(end + 4)
        return head
    }

    /// RFC 9112 §2.2: a server should ignore at least one empty line before a request line.
    private static func dropLeadingEmptyLines(_ buffer: inout [UInt8]) {
        var count = 0
        while count + 1 < buffer.count, buffer[count] == HTTPSyntax.cr, buffer[count + 1] == HTTPSyntax.lf { count += 2 }
        if count > 0 { buffer.removeFirst(count) }
    }

    /// The index of `CRLF CRLF` at or after `start`.
    private static func endOfHead(_ buffer: [UInt8], from start: Int) -> Int? {
        var index = start
        while let crlf = HTTPSyntax.firstCRLF(in: buffer, from: index) {
            if crlf + 3 < buffer.count, buffer[crlf + 2] == HTTPSyntax.cr, buffer[crlf + 3] == HTTPSyntax.lf { return crlf }
            index = crlf + 1
        }
        return nil
    }

    /// `Expect: 100-continue` on HTTP/1.1; any other expectation is a 417.
    private func expectsContinue(_ head: RequestHead) throws(HTTPError) -> Bool {
        guard let expect = head.headers["Expect"] else { return false }
        guard HTTPHeaders.equalNames(expect, "100-continue") else { throw HTTPError(.expectationFailed) }
        return head.version == .http11
    }

    private func hasWholeBody(_ buffer: [UInt8], _ framing: BodyFraming) -> Bool {
        if case .length(let length) = framing { return buffer.count >= length }
        return false
    }

    private func readBody(
        _ buffer: inout [UInt8], _ framing: BodyFraming, _ decoder: inout ChunkedDecoder?
    ) throws(HTTPError) -> ([UInt8], HTTPHeaders)? {
        switch framing {
        case .none:
            return ([], HTTPHeaders())
        case .length(let length):
            guard buffer.count >= length else { return nil }
            defer { buffer.removeFirst(length) }
            return (Array(buffer[..<length]), HTTPHeaders())
        case .chunked:
            guard var chunked = decoder else { return nil }
            defer { decoder = chunked }
            return try chunked.decode(&buffer) ? (chunked.body, chunked.trailers) : nil
        }
    }

    private static func request(_ head: RequestHead, _ target: RequestTarget, _ body: [UInt8], _ trailers: HTTPHeaders) -> HTTPRequest {
        var request = HTTPRequest(method: head.method, target: "/", version: head.version, headers: head.headers, body: body, trailers: trailers)
        request.target = head.target
        request.path = target.path
        request.query = target.query
        return request
    }
}
