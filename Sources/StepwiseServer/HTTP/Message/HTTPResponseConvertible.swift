/// A value, usually an error, that knows the HTTP response describing it.
///
/// Layers above the server throw errors conforming to this and turn them into responses with
/// `HTTPResponse(error:)`; any other error becomes a 500 that leaks nothing.
package protocol HTTPResponseConvertible: Sendable {
    /// The response to send for this value.
    var httpResponse: HTTPResponse { get }
}

/// An error with an HTTP status that renders its own response.
package protocol HTTPResponseError: Error, HTTPResponseConvertible {
    /// The status of the response.
    var status: HTTPStatus { get }
}
