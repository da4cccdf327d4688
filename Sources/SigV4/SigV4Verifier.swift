import Digests
import Foundation

/// Who signed a request: the name the server knows the access key by (a profile of the credentials file).
package struct SigV4Principal: Sendable, Equatable {
    package var name: String
    package var credentials: AWSCredentials

    package init(name: String, credentials: AWSCredentials) {
        self.name = name
        self.credentials = credentials
    }
}

/// Checks the Signature Version 4 signature of incoming requests, from an `Authorization` header or a presigned
/// query, as an AWS service does: the scope names a known region and this service, the date is within the
/// allowed skew of `now` (and a presigned URL has not expired), the key is known, and the signature is the one
/// the server computes from the request it received (its real body included).
package struct SigV4Verifier: Sendable {
    package var service: String
    package var regions: Set<String>
    /// How far the signing date may be from the server's clock (15 minutes, as AWS).
    package var allowedSkew: TimeInterval = 900
    /// The principal holding an access key identifier, or nil for an unknown key.
    package var principal: @Sendable (String) -> SigV4Principal?

    package init(service: String, regions: Set<String>, principal: @escaping @Sendable (String) -> SigV4Principal?) {
        self.service = service
        self.regions = regions
        self.principal = principal
    }

    /// The principal that signed `request`, or why it is refused.
    package func verify(_ request: SigV4Request, now: Date) -> Result<SigV4Principal, SigV4Failure> {
        Result {
            let parsed = try SigV4Authentication.parse(request)
            try checkScope(parsed)
            guard let principal = principal(parsed.accessKeyID),
                principal.credentials.sessionToken == parsed.sessionToken
                    || principal.credentials.sessionToken == nil
                        && parsed.sessionToken == nil
            else { throw SigV4Failure.unrecognizedClient }
            try checkDate(parsed, now: now)
            try checkSignature(parsed, request: request, secret: principal.credentials.secretAccessKey)
            return principal
        }
        .mapError { $0 as? SigV4Failure ?? .missingAuthentication }
    }

    private func checkScope(_ parsed: SigV4Authentication) throws(SigV4Failure) {
        let scope = parsed.scope
        guard parsed.terminator == "aws4_request" else {
            throw .invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request', not '\(parsed.terminator)'. ")
        }
        guard scope.date == parsed.amzDate.prefix(8) else {
            throw .invalidSignature(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(scope.date)' != '\(parsed.amzDate.prefix(8))', from '\(parsed.amzDate)'.")
        }
        guard regions.contains(scope.region) else { throw .invalidSignature("Credential should be scoped to a valid region. ") }
        guard scope.service == service else {
            throw .invalidSignature("Credential should be scoped to correct service: '\(service)'. ")
        }
    }

    private func checkDate(_ parsed: SigV4Authentication, now: Date) throws(SigV4Failure) {
        let nowText = AMZDate.format(now)
        let minutes = Int(allowedSkew / 60)
        if parsed.date < now.addingTimeInterval(-allowedSkew) {
            let earliest = AMZDate.format(now.addingTimeInterval(-allowedSkew))
            throw .invalidSignature(
                "Signature expired: \(parsed.amzDate) is now earlier than \(earliest) (\(nowText) - \(minutes) min.)")
        }
        if parsed.date > now.addingTimeInterval(allowedSkew) {
            let latest = AMZDate.format(now.addingTimeInterval(allowedSkew))
            throw .invalidSignature(
                "Signature not yet current: \(parsed.amzDate) is still later than \(latest) (\(nowText) + \(minutes) min.)")
        }
        if let expires = parsed.expires, parsed.date.addingTimeInterval(TimeInterval(expires)) < now {
            let expiry = AMZDate.format(parsed.date.addingTimeInterval(TimeInterval(expires)))
            throw .invalidSignature("Signature expired: \(expiry) is now earlier than \(nowText) (presigned for \(expires) seconds)")
        }
    }

    private func checkSignature(_ parsed: SigV4Authentication, request: SigV4Request, secret: String) throws(SigV4Failure) {
        let canonical = SigV4.canonicalRequest(
            request, signedHeaders: parsed.signedHeaders, payloadHash: Digest.hexDigest(of: request.body, .sha256),
            excludingQuery: parsed.presigned ? ["X-Amz-Signature"] : [])
        let stringToSign = SigV4.stringToSign(amzDate: parsed.amzDate, scope: parsed.scope, canonicalRequest: canonical)
        let expected = SigV4.signature(secret: secret, scope: parsed.scope, stringToSign: stringToSign)
        guard Self.constantTimeEqual(expected, parsed.signature) else {
            throw .signatureMismatch(canonicalRequest: canonical, stringToSign: stringToSign)
        }
    }

    /// Compares every byte whatever the first difference, so timing does not reveal how much of a guess matched.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let (a, b) = (Array(left.utf8), Array(right.utf8))
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
