import StepwiseServer

/// Runs `body` against a started server on 127.0.0.1 and a kernel-chosen port, then stops it.
func withServer<T>(
    limits: HTTPLimits = HTTPLimits(),
    handler: @escaping HTTPServer.Handler = echo,
    _ body: (HTTPServer, UInt16) async throws -> T
) async throws -> T {
    let server = HTTPServer(limits: limits, handler: handler)
    try await server.start()
    let port = await server.port
    do {
        let result = try await body(server, port)
        await server.stop(gracefully: false)
        return result
    } catch {
        await server.stop(gracefully: false)
        throw error
    }
}

/// A handler that describes the request it got, one `key=value` line each, so tests can compare text.
@Sendable func echo(_ request: HTTPRequest) async -> HTTPResponse {
    var lines = ["method=\(request.method)", "path=\(request.path)"]
    if !request.query.isEmpty {
        lines.append("query=" + request.query.map { "\($0.name):\($0.value)" }.joined(separator: ","))
    }
    if !request.body.isEmpty { lines.append("body=" + String(decoding: request.body, as: UTF8.self)) }
    for trailer in request.trailers { lines.append("trailer=\(trailer.name):\(trailer.value)") }
    return HTTPResponse(text: lines.joined(separator: "\n"))
}

/// A request head with the usual fields, ending in the empty line.
func requestHead(_ method: String = "GET", _ target: String = "/", _ fields: [String] = []) -> String {
    (["\(method) \(target) HTTP/1.1", "Host: localhost"] + fields).joined(separator: "\r\n") + "\r\n\r\n"
}
