import Foundation
import SigV4

/// Decides who may call the server (`--auth`), before any request reaches the APIs or the console.
///
/// - `sigv4`: the Step Functions API needs a valid SigV4 signature (header or presigned query) from a key of the
///   credentials file, for service `states` and the server's region, dated within 15 minutes of the server's
///   clock; the jobs API and the console take such signatures or a bearer token of the tokens file.
/// - `token`: every API needs `Authorization: Bearer TOKEN` from the tokens file.
/// - Either way, a console session (signed in with a token) is accepted everywhere the console calls.
package struct AccessControl: Sendable {
    /// The surface a request is for: its refusals take that surface's shape.
    package enum Surface: Sendable {
        case stepFunctions, jobs, consolePage, consoleAPI
    }

    package let mode: AccessMode
    let verifier: SigV4Verifier?
    let tokens: TokensFile?
    package let sessions = ConsoleSessions()

    package init(mode: AccessMode, credentials: CredentialsFile? = nil, tokens: TokensFile? = nil, region: String) {
        self.mode = mode
        self.tokens = tokens
        verifier = credentials.map { file in
            SigV4Verifier(service: "states", regions: [region]) { file.principal(accessKeyID: $0) }
        }
    }

    /// Who sent `request`, or why it is refused (nil principal: anyone, with `--auth none`).
    package func check(_ request: HTTPRequest, surface: Surface, now: Date = Date()) -> Result<String?, SigV4Failure> {
        guard mode != .none else { return .success(nil) }
        if let principal = sessions.principal(cookies: request.headers.values(for: "Cookie"), now: now) { return .success(principal) }
        if let token = Self.bearerToken(request), !(mode == .sigv4 && surface == .stepFunctions) {
            guard let principal = tokens?.principal(for: token) else { return .failure(.unrecognizedClient) }
            return .success(principal)
        }
        guard mode == .sigv4, let verifier else { return .failure(.missingAuthentication) }
        return verifier.verify(Self.sigV4Request(request), now: now).map { Optional($0.name) }
    }

    /// The token of `Authorization: Bearer TOKEN`, if that is the scheme.
    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"]?.trimmingSpaces, value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst("bearer ".count)).trimmingSpaces
    }

    /// The request as SigV4 sees it: the target as received, every header, the body.
    static func sigV4Request(_ request: HTTPRequest) -> SigV4Request {
        SigV4Request(
            method: request.method, target: request.target,
            headers: request.headers.fields.map { SigV4Request.Field($0.name, $0.value) }, body: request.body)
    }
}
