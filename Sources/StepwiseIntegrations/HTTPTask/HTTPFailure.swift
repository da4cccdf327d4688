import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What went wrong with a request that got no answer, in words a task's cause can carry (URLError's own
/// description on Linux is "The operation could not be completed", whatever the reason).
enum HTTPFailure {
    static func describe(_ error: URLError, url: URL?) -> String {
        let host = url.map { "\($0.host ?? "")\($0.port.map { ":\($0)" } ?? "")" } ?? "the server"
        switch error.code {
        case .cannotConnectToHost: return "could not connect to \(host) (nothing accepts connections there)"
        case .cannotFindHost, .dnsLookupFailed: return "could not resolve the host '\(url?.host ?? "")'"
        case .timedOut: return "\(host) did not answer in time"
        case .networkConnectionLost: return "\(host) closed the connection before answering"
        case .badServerResponse: return "\(host) did not answer with HTTP"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot:
            return "the TLS connection to \(host) failed"
        default: return "the request to \(host) failed (URLError \(error.code.rawValue))"
        }
    }
}
