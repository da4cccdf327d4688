/// A plain HTTP error: a status and a message for the client, rendered as `text/plain`.
public struct HTTPError: HTTPResponseError, Equatable, CustomStringConvertible {
    public let status: HTTPStatus
    /// Shown to the client: must not contain internals.
    public let message: String
    /// Extra header fields for the response, such as `Allow` for a 405.
    public let headers: HTTPHeaders

    /// An error whose message defaults to the status's reason phrase.
    public init(_ status: HTTPStatus, message: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.message = message ?? status.reason
        self.headers = headers
    }

    public var httpResponse: HTTPResponse {
        HTTPResponse(status: status, headers: headers, text: message + "\n")
    }

    public var description: String { "\(status): \(message)" }
}
