import JSON

/// A complete HTTP request: request line, header fields, the whole body and any chunked trailers.
package struct HTTPRequest: Sendable {
    /// The method exactly as sent (methods are case-sensitive): `GET`, `POST`, ...
    package var method: String
    /// The request target as sent, still percent-encoded.
    package var target: String
    /// The path of the target, percent-decoded.
    package var path: String
    /// The query parameters in order, `+` and percent escapes decoded.
    package var query: [(name: String, value: String)]
    package var version: HTTPVersion
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// Trailer fields sent after a chunked body.
    package var trailers: HTTPHeaders

    /// A request for `target`; a target that is not valid percent-encoding keeps its raw text as the path.
    package init(
        method: String = "GET", target: String, version: HTTPVersion = .http11,
        headers: HTTPHeaders = [:], body: [UInt8] = [], trailers: HTTPHeaders = [:]
    ) {
        let parsed = try? RequestTarget(parsing: target, method: method)
        self.method = method
        self.target = target
        self.path = parsed?.path ?? target
        self.query = parsed?.query ?? []
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }

    /// The first query value named `name`.
    package func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the connection stays open after this request: HTTP/1.1 unless `Connection: close`.
    /// HTTP/1.0 connections are never kept alive.
    package var keepsAlive: Bool {
        version == .http11 && !headers.hasToken("close", in: "Connection")
    }

    /// The body parsed as JSON; a malformed body is a 400 error.
    package func jsonBody() throws(HTTPError) -> JSON {
        do {
            return try JSON(parsing: body)
        } catch {
            throw HTTPError(.badRequest, message: "The request body is not valid JSON: \(error.message)")
        }
    }
}
