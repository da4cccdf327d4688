import StepwiseServer
import Testing

@Suite("Server: error responses", .serialized, .timeLimit(.minutes(1)))
struct HTTPServerErrorTests {
    /// Sends `bytes` on a fresh connection and returns the response status; the server must then close.
    private func status(for bytes: String, port: UInt16) async throws -> Int? {
        let client = try RawClient(port: port)
        try await client.send(bytes)
        let response = try await client.readResponse()
        #expect(response?.headers["Connection"] == "close")
        #expect(try await client.serverClosed())
        return response?.status
    }

    @Test(
        "Malformed request lines and headers are a 400",
        arguments: [
            "GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\nBad Header: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", "GET /%zz HTTP/1.1\r\nHost: h\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
        ])
    func badRequest(bytes: String) async throws {
        try await withServer { _, port in
            let status400 = try await status(for: bytes, port: port)
            #expect(status400 == 400)
        }
    }

    @Test("Unsupported versions are a 505")
    func unsupportedVersion() async throws {
        try await withServer { _, port in
            let status505 = try await status(for: "GET / HTTP/2.0\r\nHost: h\r\n\r\n", port: port)
            #expect(status505 == 505)
            let old = try await status(for: "GET / HTTP/0.9\r\nHost: h\r\n\r\n", port: port)
            #expect(old == 505)
        }
    }

    @Test("A 17 KiB header block is a 431")
    func headerTooLarge() async throws {
        try await withServer { _, port in
            let big = requestHead("GET", "/", ["X-Big: " + String(repeating: "a", count: 17 * 1024)])
            let status431 = try await status(for: big, port: port)
            #expect(status431 == 431)
        }
    }

    @Test("A body over 1 MiB is a 413, declared or streamed")
    func bodyTooLarge() async throws {
        try await withServer { _, port in
            let declared = requestHead("POST", "/", ["Content-Length: \(1024 * 1024 + 1)"])
            let status413 = try await status(for: declared + String(repeating: "x", count: 200_000), port: port)
            #expect(status413 == 413)
            let chunk = "100000\r\n" + String(repeating: "y", count: 0x100000) + "\r\n"
            let streamed = requestHead("POST", "/", ["Transfer-Encoding: chunked"]) + chunk + "1\r\nz\r\n0\r\n\r\n"
            let streamedStatus = try await status(for: streamed, port: port)
            #expect(streamedStatus == 413)
        }
    }

    @Test("Exactly the limits are accepted")
    func atTheLimits() async throws {
        let length: HTTPServer.Handler = { HTTPResponse(text: "\($0.body.count)") }
        try await withServer(handler: length) { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("POST", "/", ["Content-Length: \(1024 * 1024)"]) + String(repeating: "x", count: 1024 * 1024))
            #expect(try await client.readResponse()?.text == "\(1024 * 1024)")
        }
    }

    @Test("A handler's unexpected error becomes a bare 500")
    func internalError() async throws {
        struct Boom: Error { let detail = "stack trace here" }
        let failing: HTTPServer.Handler = { _ in HTTPResponse(error: Boom()) }
        try await withServer(handler: failing) { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead())
            let response = try #require(try await client.readResponse())
            #expect(response.status == 500)
            #expect(!response.text.contains("stack"))
        }
    }
}
