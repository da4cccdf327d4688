import Digests

/// The pieces of a Signature Version 4 signature that signer and verifier share: the canonical request, the
/// string to sign and the derived signing key.
package enum SigV4 {
    package static let algorithm = "AWS4-HMAC-SHA256"
    /// The hash of an empty body, which a GET signs.
    package static let emptyPayloadHash = Digest.hexDigest(of: [UInt8](), .sha256)

    /// Headers AWS's SDKs leave unsigned because proxies may add, drop or rewrite them (botocore's list).
    package static let unsignedHeaders: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The credential scope: `date/region/service/aws4_request`.
    package struct Scope: Sendable, Equatable {
        package var date: String
        package var region: String
        package var service: String
        package var string: String { "\(date)/\(region)/\(service)/aws4_request" }
    }

    /// The canonical request: method, canonical URI, canonical query (without the parameters in
    /// `excludingQuery`), the signed headers' names and trimmed values, their list, and the payload hash.
    package static func canonicalRequest(
        _ request: SigV4Request, signedHeaders: [String], payloadHash: String, excludingQuery: Set<String> = []
    ) -> String {
        let headerLines = signedHeaders.map { name in
            let values = request.headerValues(name).map(trimmed)
            return "\(name):\(values.joined(separator: ","))\n"
        }
        return [
            request.method.uppercased(),
            SigV4Encoding.canonicalURI(request.path),
            SigV4Encoding.canonicalQuery(request.query.filter { !excludingQuery.contains($0.name) }),
            headerLines.joined(),
            signedHeaders.joined(separator: ";"),
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The string to sign for `canonicalRequest` at `amzDate` in `scope`.
    package static func stringToSign(amzDate: String, scope: Scope, canonicalRequest: String) -> String {
        [algorithm, amzDate, scope.string, Digest.hexDigest(of: canonicalRequest, .sha256)].joined(separator: "\n")
    }

    /// The hex signature of `stringToSign` with the key derived from `secret` for `scope`.
    package static func signature(secret: String, scope: Scope, stringToSign: String) -> String {
        var key = HMAC.sha256(key: Array("AWS4\(secret)".utf8), scope.date)
        key = HMAC.sha256(key: key, scope.region)
        key = HMAC.sha256(key: key, scope.service)
        key = HMAC.sha256(key: key, "aws4_request")
        return Digest.hex(HMAC.sha256(key: key, stringToSign))
    }

    /// The lower-cased, sorted, de-duplicated names of the headers of `request` that a signer signs.
    package static func signableHeaders(of request: SigV4Request) -> [String] {
        Set(request.headers.map { $0.name.lowercased() }).subtracting(unsignedHeaders).sorted()
    }

    /// A header value as SigV4 canonicalises it: outer whitespace trimmed, inner runs of whitespace as one space.
    static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }
}
