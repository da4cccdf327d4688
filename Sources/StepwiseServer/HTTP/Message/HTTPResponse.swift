import JSON

/// An HTTP response: status, header fields and the whole body.
///
/// The server adds `Content-Length`, `Date` and `Server` when it writes the response, and
/// `Connection: close` when the connection will close; handlers need not set them.
package struct HTTPResponse: Sendable {
    package var status: HTTPStatus
    package var headers: HTTPHeaders
    package var body: [UInt8]

    package init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A UTF-8 `text/plain` response.
    package init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], text: String) {
        var headers = headers
        if !headers.contains("Content-Type") { headers["Content-Type"] = "text/plain; charset=utf-8" }
        self.init(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A JSON response; `contentType` lets the AWS layer say `application/x-amz-json-1.0`.
    package static func json(
        _ value: JSON, status: HTTPStatus = .ok, headers: HTTPHeaders = [:], contentType: String = "application/json"
    ) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = contentType
        return HTTPResponse(status: status, headers: headers, body: value.serializedBytes())
    }

    /// The response for any error: its own if it is `HTTPResponseConvertible`, otherwise a bare 500
    /// that reveals nothing about the error.
    package init(error: any Error) {
        if let convertible = error as? any HTTPResponseConvertible {
            self = convertible.httpResponse
        } else {
            self = HTTPError(.internalServerError).httpResponse
        }
    }

    /// Whether the response asks for the connection to close (`Connection: close`).
    var closesConnection: Bool { headers.hasToken("close", in: "Connection") }
}
