/// An HTTP status code with its reason phrase.
package struct HTTPStatus: Sendable, Hashable, CustomStringConvertible {
    package let code: Int
    package let reason: String

    package init(code: Int, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A status with the standard reason phrase for `code` (or an empty one if unknown).
    package init(_ code: Int) {
        self.init(code: code, reason: Self.reasons[code] ?? "")
    }

    package var description: String { "\(code) \(reason)" }

    /// Whether responses with this status never carry a body (1xx, 204, 304).
    var forbidsBody: Bool { (100..<200).contains(code) || code == 204 || code == 304 }

    package static let `continue` = HTTPStatus(100)
    package static let ok = HTTPStatus(200)
    package static let created = HTTPStatus(201)
    package static let accepted = HTTPStatus(202)
    package static let noContent = HTTPStatus(204)
    package static let badRequest = HTTPStatus(400)
    static let unauthorized = HTTPStatus(401)
    static let paymentRequired = HTTPStatus(402)
    package static let forbidden = HTTPStatus(403)
    package static let notFound = HTTPStatus(404)
    static let methodNotAllowed = HTTPStatus(405)
    static let requestTimeout = HTTPStatus(408)
    package static let conflict = HTTPStatus(409)
    static let contentTooLarge = HTTPStatus(413)
    static let unsupportedMediaType = HTTPStatus(415)
    static let expectationFailed = HTTPStatus(417)
    static let tooManyRequests = HTTPStatus(429)
    static let requestHeaderFieldsTooLarge = HTTPStatus(431)
    package static let internalServerError = HTTPStatus(500)
    static let notImplemented = HTTPStatus(501)
    package static let serviceUnavailable = HTTPStatus(503)
    static let httpVersionNotSupported = HTTPStatus(505)

    private static let reasons: [Int: String] = [
        100: "Continue", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
        302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 411: "Length Required",
        413: "Content Too Large", 415: "Unsupported Media Type", 417: "Expectation Failed", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
        503: "Service Unavailable", 505: "HTTP Version Not Supported",
    ]
}
