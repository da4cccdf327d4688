import Digests
import Foundation

/// Signs requests with AWS Signature Version 4 for one region and service, in an `Authorization` header or as
/// a presigned URL's query.
package struct SigV4Signer: Sendable {
    package var region: String
    package var service: String
    package var credentials: AWSCredentials

    package init(region: String, service: String, credentials: AWSCredentials) {
        self.region = region
        self.service = service
        self.credentials = credentials
    }

    /// `request` signed at `date`: `X-Amz-Date` (and `X-Amz-Security-Token` with temporary credentials, and
    /// `X-Amz-Content-Sha256` when `contentSHA256Header`) set, then every header present but the unsigned
    /// ones signed into `Authorization`. The `Host` header must be in `request` as it will be sent.
    package func sign(_ request: SigV4Request, date: Date, contentSHA256Header: Bool = false) -> SigV4Request {
        var signed = request
        let amzDate = AMZDate.format(date)
        signed.setHeader("Authorization", nil)
        signed.setHeader("X-Amz-Date", amzDate)
        if let token = credentials.sessionToken { signed.setHeader("X-Amz-Security-Token", token) }
        let payloadHash = Digest.hexDigest(of: request.body, .sha256)
        if contentSHA256Header { signed.setHeader("X-Amz-Content-Sha256", payloadHash) }
        let signedHeaders = SigV4.signableHeaders(of: signed)
        let scope = scope(amzDate)
        let canonical = SigV4.canonicalRequest(signed, signedHeaders: signedHeaders, payloadHash: payloadHash)
        let signature = SigV4.signature(
            secret: credentials.secretAccessKey, scope: scope,
            stringToSign: SigV4.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        signed.setHeader(
            "Authorization",
            "\(SigV4.algorithm) Credential=\(credentials.accessKeyID)/\(scope.string), "
                + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)")
        return signed
    }

    /// `request` presigned at `date` for `expires` seconds: the `X-Amz-*` authentication parameters appended to
    /// its query, `X-Amz-Signature` last; its headers (at least `Host`) are signed as they are.
    package func presign(_ request: SigV4Request, date: Date, expires: Int = 3600) -> SigV4Request {
        var signed = request
        let amzDate = AMZDate.format(date)
        let scope = scope(amzDate)
        let signedHeaders = SigV4.signableHeaders(of: request)
        signed.query.append(contentsOf: [
            .init("X-Amz-Algorithm", SigV4.algorithm),
            .init("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope.string)"),
            .init("X-Amz-Date", amzDate),
            .init("X-Amz-Expires", String(expires)),
            .init("X-Amz-SignedHeaders", signedHeaders.joined(separator: ";")),
        ])
        if let token = credentials.sessionToken { signed.query.append(.init("X-Amz-Security-Token", token)) }
        let canonical = SigV4.canonicalRequest(
            signed, signedHeaders: signedHeaders, payloadHash: Digest.hexDigest(of: request.body, .sha256))
        let signature = SigV4.signature(
            secret: credentials.secretAccessKey, scope: scope,
            stringToSign: SigV4.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical))
        signed.query.append(.init("X-Amz-Signature", signature))
        return signed
    }

    private func scope(_ amzDate: String) -> SigV4.Scope {
        SigV4.Scope(date: String(amzDate.prefix(8)), region: region, service: service)
    }
}
