import StepwiseServer
import Synchronization
import Testing

@Suite("Server: robustness and lifecycle", .serialized, .timeLimit(.minutes(1)))
struct HTTPServerRobustnessTests {
    @Test("Random bytes get an answer or a close, never a crash, and the server still serves afterwards")
    func fuzz() async throws {
        let limits = HTTPLimits(headerTimeout: .milliseconds(200), bodyTimeout: .milliseconds(200), idleTimeout: .milliseconds(200))
        try await withServer(limits: limits) { _, port in
            var random = SplitMix64(state: 0x5EED)
            for _ in 0..<300 {
                let client = try RawClient(port: port, readTimeoutSeconds: 3)
                try? await client.send(FuzzInput.make(&random))
                client.shutdownWrite()
                let rest = try await client.readToEnd()
                #expect(rest.isEmpty || rest.starts(with: Array("HTTP/1.1 ".utf8)))
            }
            let client = try RawClient(port: port)
            try await client.send(requestHead("GET", "/after"))
            #expect(try await client.readResponse()?.text == "method=GET\npath=/after")
        }
    }

    @Test("100 concurrent connections are all served, with one handler task each at the same time")
    func concurrentConnections() async throws {
        let inFlight = Mutex((now: 0, peak: 0))
        let handler: HTTPServer.Handler = { request in
            inFlight.withLock { state in
                state.now += 1
                state.peak = max(state.peak, state.now)
            }
            try? await Task.sleep(for: .milliseconds(200))
            inFlight.withLock { $0.now -= 1 }
            return HTTPResponse(text: request.path)
        }
        try await withServer(handler: handler) { _, port in
            let clients = try (0..<100).map { _ in try RawClient(port: port) }
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for (index, client) in clients.enumerated() {
                    group.addTask {
                        try await client.send(requestHead("GET", "/\(index)"))
                        return try await client.readResponse()?.text == "/\(index)"
                    }
                }
                for try await ok in group { #expect(ok) }
            }
        }
        #expect(inFlight.withLock { $0.peak } > 20)
    }

    @Test("A misbehaving connection does not block others")
    func isolation() async throws {
        try await withServer { _, port in
            let stalled = try RawClient(port: port)
            try await stalled.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\npartial")
            let flood = try RawClient(port: port)
            try await flood.send(String(repeating: requestHead("GET", "/flood"), count: 200))
            let client = try RawClient(port: port)
            try await client.send(requestHead("GET", "/ok"))
            #expect(try await client.readResponse()?.text == "method=GET\npath=/ok")
        }
    }

    @Test("A graceful stop finishes the request in flight, closes idle connections and refuses new ones")
    func gracefulStop() async throws {
        let handler: HTTPServer.Handler = { _ in
            try? await Task.sleep(for: .milliseconds(300))
            return HTTPResponse(text: "finished")
        }
        let server = HTTPServer(handler: handler)
        try await server.start()
        let port = await server.port
        let idle = try RawClient(port: port)
        let busy = try RawClient(port: port)
        try await busy.send(requestHead())
        try await Task.sleep(for: .milliseconds(50))
        async let stopped: Void = server.stop(gracefully: true)
        let response = try await busy.readResponse()
        #expect(response?.text == "finished")
        #expect(response?.headers["Connection"] == "close")
        #expect(try await idle.serverClosed())
        await stopped
        #expect(await !server.isRunning)
        #expect(throws: (any Error).self) { try RawClient(port: port) }
    }

    @Test("Stopping at once closes every connection; waitUntilStopped returns; a second start is refused")
    func immediateStop() async throws {
        let server = HTTPServer { _ in
            try? await Task.sleep(for: .seconds(5))
            return HTTPResponse()
        }
        try await server.start()
        #expect(await server.isRunning)
        await #expect(throws: HTTPServerError.alreadyStarted) { try await server.start() }
        let client = try RawClient(port: await server.port)
        try await client.send(requestHead())
        try await Task.sleep(for: .milliseconds(50))
        await server.stop(gracefully: false)
        await server.waitUntilStopped()
        #expect(try await client.readToEnd().isEmpty)
    }

    @Test("The bound port is read back after start and the host is configurable")
    func ports() async throws {
        let server = HTTPServer(host: "::1", handler: echo)
        try await server.start()
        #expect(await server.port != 0)
        await server.stop()
        await #expect(throws: SocketError.self) { try await HTTPServer(host: "not an address", handler: echo).start() }
    }
}
