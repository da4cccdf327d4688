/// Keeps web pages away from the server: a page open in a browser on the same machine may send requests to
/// `127.0.0.1` (simple cross-site POSTs need no preflight) or reach it through a DNS name it controls (DNS
/// rebinding). AWS's SDKs and the AWS CLI send neither `Origin` nor `Sec-Fetch-Site`, and name the host they
/// connect to, so none of this refuses them.
///
/// - A request that may change something (any method but GET, HEAD and OPTIONS) is refused with 403 when a
///   browser marks it cross-site or same-site (`Sec-Fetch-Site`), or when its `Origin` is not this server's.
/// - While the server listens on loopback only, a request whose `Host` is not a loopback name (`localhost`,
///   `*.localhost`, `127.x.x.x`, `[::1]`) is refused with 403, reads included.
package struct BrowserGuard: Sendable {
    /// Whether the server listens on a loopback address only.
    package let loopbackOnly: Bool

    package init(listeningOn host: String) {
        loopbackOnly = Self.isLoopbackName(host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host)
    }

    /// The refusal for `request`, or nil when it may go on.
    package func refusal(of request: HTTPRequest) -> HTTPResponse? {
        let host = request.headers["Host"] ?? ""
        if loopbackOnly, !Self.isLoopbackName(Self.name(ofHost: host)) {
            return Self.forbidden("this server listens on loopback only and answers loopback host names only, not '\(host)'")
        }
        guard !["GET", "HEAD", "OPTIONS"].contains(request.method) else { return nil }
        if let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site == "cross-site" || site == "same-site" {
            return Self.forbidden("requests from other sites are refused (Sec-Fetch-Site: \(site))")
        }
        if let origin = request.headers["Origin"], !Self.origin(origin, isHost: host) {
            return Self.forbidden("requests from other origins are refused (Origin: \(origin))")
        }
        return nil
    }

    static func forbidden(_ message: String) -> HTTPResponse {
        HTTPError(.forbidden, message: "Forbidden: \(message)").httpResponse
    }

    /// Whether `origin` (`http://host[:port]`) names the server the request was sent to (`Host: host[:port]`).
    static func origin(_ origin: String, isHost host: String) -> Bool {
        guard origin.lowercased().hasPrefix("http://") else { return false }
        let authority = origin.dropFirst("http://".count).lowercased()
        let hostAuthority = host.lowercased()
        return authority == hostAuthority || authority + ":80" == hostAuthority || authority == hostAuthority + ":80"
    }

    /// The name in a `Host` value: without its port, IPv6 brackets removed.
    static func name(ofHost host: String) -> String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        return String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// `localhost`, a name under `.localhost` (RFC 6761), an IPv4 address in 127.0.0.0/8 or `::1`.
    static func isLoopbackName(_ name: String) -> Bool {
        let name = name.lowercased()
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part) != nil && !part.hasPrefix("+") }
    }
}
