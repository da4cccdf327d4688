/// A plain HTTP error: a status and a message for the client, rendered as `text/plain`.
package struct HTTPError: HTTPResponseError, Equatable, CustomStringConvertible {
    package let status: HTTPStatus
    /// Shown to the client: must not contain internals.
    package let message: String
    /// Extra header fields for the response, such as `Allow` for a 405.
    package let headers: HTTPHeaders

    /// An error whose message defaults to the status's reason phrase.
    package init(_ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message ?? status.reason
        self.headers = headers
    }

    package var httpResponse: HTTPResponse {
        HTTPResponse(status: status, headers: headers, text: message + "\n")
    }

    package var description: String { "\(status): \(message)" }
}
