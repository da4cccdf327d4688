import JSON

/// The console's answer, without a transport: a status code, header fields and the body. Every response carries
/// the console's security headers (``securityHeaders``).
package struct ConsoleResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    init(status: Int = 200, contentType: String, cacheControl: String = "no-store", body: [UInt8]) {
        self.status = status
        self.headers = [("Content-Type", contentType), ("Cache-Control", cacheControl)] + Self.securityHeaders
        self.body = body
    }

    /// A JSON answer of an endpoint.
    static func json(_ value: JSON, status: Int = 200) -> ConsoleResponse {
        ConsoleResponse(status: status, contentType: "application/json", body: value.serializedBytes())
    }

    /// What the pages may do: scripts, styles, images and requests from this origin only (so no inline script
    /// and no markup's `on…` attribute runs), nothing framed, no plug-ins, no form posted elsewhere.
    package static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// Sent with every console response: the policy above, no MIME sniffing (a JSON answer holding markup is
    /// never read as HTML), no framing by other sites, no referrer leaving the console.
    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
    ]
}
