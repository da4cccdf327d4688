import Testing

@testable import StepwiseServer

/// Feeds `text` to a fresh parser in one piece (or byte by byte) and returns the events.
private func parse(_ text: String, limits: HTTPLimits = HTTPLimits(), byteByByte: Bool = false) throws(HTTPError) -> [RequestParser.Event] {
    var parser = RequestParser(limits: limits)
    var buffer: [UInt8] = []
    var events: [RequestParser.Event] = []
    for piece in byteByByte ? Array(text.utf8).map({ [$0] }) : [Array(text.utf8)] {
        buffer += piece
        while true {
            let event = try parser.parse(&buffer)
            if case .needMore = event { break }
            events.append(event)
        }
    }
    return events
}

private func requests(_ events: [RequestParser.Event]) -> [HTTPRequest] {
    events.compactMap { if case .request(let request) = $0 { request } else { nil } }
}

private func status(of text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
    do {
        _ = try parse(text, limits: limits)
        return nil
    } catch {
        return error.status.code
    }
}

@Suite("Request parser", .timeLimit(.minutes(3)))
struct RequestParserTests {
    @Test("A request split into single bytes parses the same as in one piece", arguments: [false, true])
    func incremental(byteByByte: Bool) throws {
        let text = "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Test: One\r\nx-test: two\r\nContent-Length: 5\r\n\r\nhello"
        let request = try #require(requests(try parse(text, byteByByte: byteByByte)).first)
        #expect(request.method == "POST")
        #expect(request.headers.values(for: "X-TEST") == ["One", "two"])
        #expect(request.headers.fields.map(\.name) == ["Host", "X-Test", "x-test", "Content-Length"])
        #expect(request.body == Array("hello".utf8))
    }

    @Test("Chunked bodies are decoded with extensions and trailers", arguments: [false, true])
    func chunked(byteByByte: Bool) throws {
        let text =
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n0006\r\n world\r\n0\r\nX-Sum: 42\r\n\r\n"
        let request = try #require(requests(try parse(text, byteByByte: byteByByte)).first)
        #expect(String(decoding: request.body, as: UTF8.self) == "hello world")
        #expect(request.trailers["x-sum"] == "42")
    }

    @Test("Pipelined requests come out one after the other, leading empty lines ignored")
    func pipelined() throws {
        let text = "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(requests(try parse(text)).map(\.path) == ["/1", "/2"])
    }

    @Test("Expect: 100-continue asks for the interim response before the body")
    func expectContinue() throws {
        let events = try parse("PUT / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n")
        guard case .continueExpected = try #require(events.first) else {
            Issue.record("no continue")
            return
        }
    }

    @Test(
        "Malformed heads and framing are rejected with the right status",
        arguments: [
            ("GET / HTTP/1.1\r\n\r\n", 400),  // no Host
            ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("GET / HTTP/1.1 \r\nHost: h\r\n\r\n", 400),
            ("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\nX: y\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1}b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
            ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
            ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505),
            ("GET / HTTP/1.1x\r\nHost: h\r\n\r\n", 400),
            ("GET / HTTQ/1.1\r\nHost: h\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: h\r\nExpect: 200-ok\r\n\r\n", 417),
            ("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 2000000\r\n\r\n", 413),
        ])
    func rejected(text: String, expected: Int) {
        #expect(status(of: text) == expected)
    }

    @Test("Limits are configurable: header block, chunked body and trailers")
    func limits() {
        let small = HTTPLimits(maxHeaderBytes: 64, maxBodyBytes: 8)
        #expect(status(of: "GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "a", count: 64))\r\n\r\n", limits: small) == 431)
        #expect(status(of: "GET / HTTP/1.1\r\nHost: h\r\nX: \(String(repeating: "a", count: 64))", limits: small) == 431)
        #expect(status(of: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n", limits: small) == 413)
        #expect(status(of: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n4\r\n", limits: small) == 413)
        let huge = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(String(repeating: "F", count: 40))\r\n"
        #expect(status(of: huge, limits: HTTPLimits(maxBodyBytes: .max)) == 413)
        let trailer = "0\r\nX: \(String(repeating: "a", count: 80))\r\n\r\n"
        #expect(status(of: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + trailer, limits: small) == 431)
    }

    @Test("HTTP/1.0 is served without keep-alive; HTTP/1.1 keeps alive unless told to close")
    func keepAlive() throws {
        let old = try #require(requests(try parse("GET / HTTP/1.0\r\n\r\n")).first)
        let closing = try #require(requests(try parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n")).first)
        let normal = try #require(requests(try parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n")).first)
        #expect(!old.keepsAlive)
        #expect(!closing.keepsAlive)
        #expect(normal.keepsAlive)
    }

    @Test("Thousands of random inputs fed in random pieces never crash the parser")
    func fuzz() {
        var random = SplitMix64(state: 0xF00D)
        let limits = HTTPLimits(maxHeaderBytes: 256, maxBodyBytes: 64)
        for _ in 0..<5_000 {
            var parser = RequestParser(limits: limits)
            var buffer: [UInt8] = []
            var input = FuzzInput.make(&random)[...]
            while !input.isEmpty {
                let piece = Int.random(in: 1...max(1, input.count), using: &random)
                buffer += input.prefix(piece)
                input = input.dropFirst(piece)
                do {
                    while case .request = try parser.parse(&buffer) {}
                } catch {
                    #expect([400, 413, 417, 431, 501, 505].contains(error.status.code))
                    break
                }
            }
        }
    }
}
