import StepwiseServer
import StepwiseTesting
import Testing

@Suite("Server: slow, idle and half-closed clients", .serialized, .realTime, .timeLimit(.minutes(2)))
struct HTTPServerTimeoutTests {
    private let quick = HTTPLimits(
        headerTimeout: .milliseconds(300), bodyTimeout: .milliseconds(300), idleTimeout: .milliseconds(300))

    @Test("A client that does not finish its header block in time gets a 408 and is closed")
    func slowHeaders() async throws {
        try await withServer(limits: quick) { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHost: h\r\n")
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try await client.readResponse()?.status == 408)
            #expect(clock.now - start < .seconds(2))
            #expect(try await client.serverClosed())
        }
    }

    @Test("A client that does not finish its body in time gets a 408 and is closed")
    func slowBody() async throws {
        try await withServer(limits: quick) { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("POST", "/", ["Content-Length: 10"]) + "12345")
            #expect(try await client.readResponse()?.status == 408)
            #expect(try await client.serverClosed())
        }
    }

    @Test("An idle kept-alive connection is closed silently")
    func idle() async throws {
        try await withServer(limits: quick) { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead())
            #expect(try await client.readResponse()?.status == 200)
            #expect(try await client.readToEnd().isEmpty)
        }
    }

    @Test("A slow handler is not timed out: time-outs only bound the client")
    func slowHandler() async throws {
        let slow: HTTPServer.Handler = { _ in
            try? await Task.sleep(for: .milliseconds(600))
            return HTTPResponse(text: "done")
        }
        try await withServer(limits: quick, handler: slow) { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead())
            #expect(try await client.readResponse()?.text == "done")
        }
    }

    @Test("A client that half-closes after its requests still gets every answer, then the close")
    func halfClosed() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("GET", "/a") + requestHead("POST", "/b", ["Content-Length: 2"]) + "hi")
            client.shutdownWrite()
            #expect(try await client.readResponse()?.text == "method=GET\npath=/a")
            #expect(try await client.readResponse()?.text == "method=POST\npath=/b\nbody=hi")
            #expect(try await client.serverClosed())
        }
    }

    @Test("A client that half-closes in the middle of a request is closed without an answer")
    func halfClosedMidRequest() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send("GET / HTTP/1.1\r\nHo")
            client.shutdownWrite()
            #expect(try await client.readToEnd().isEmpty)
        }
    }
}
