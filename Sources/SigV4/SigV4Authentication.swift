import Foundation

/// The signature parts a request carries, from its `Authorization` header or its presigned query.
struct SigV4Authentication {
    var accessKeyID: String
    var scope: SigV4.Scope
    var terminator: String
    var signedHeaders: [String]
    var signature: String
    var amzDate: String
    var date: Date
    var sessionToken: String?
    /// `X-Amz-Expires` of a presigned URL; nil for a signed header.
    var expires: Int?
    var presigned: Bool { expires != nil }

    static func parse(_ request: SigV4Request) throws(SigV4Failure) -> SigV4Authentication {
        if let authorization = request.header("Authorization") { return try fromHeader(authorization, request) }
        if request.queryValue("X-Amz-Signature") != nil || request.queryValue("X-Amz-Credential") != nil {
            return try fromQuery(request)
        }
        throw .missingAuthentication
    }

    /// `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`, and the date from `X-Amz-Date`.
    private static func fromHeader(_ authorization: String, _ request: SigV4Request) throws(SigV4Failure) -> SigV4Authentication {
        let trimmed = authorization.trimmingCharacters(in: .whitespaces)
        let scheme = trimmed.prefix { $0 != " " }
        // The value is echoed as AWS does only when it is a SigV4 header: any other scheme may carry a secret.
        let echo = scheme == SigV4.algorithm ? "Authorization=\(trimmed)" : "Authorization=\(scheme)"
        var parameters: [String: String] = [:]
        for part in trimmed.dropFirst(scheme.count).split(separator: ",") {
            let nameValue = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if nameValue.count == 2 { parameters[String(nameValue[0])] = String(nameValue[1]) }
        }
        let amzDate = request.header("X-Amz-Date")
        var missing: [String] = []
        for name in ["Credential", "Signature", "SignedHeaders"] where parameters[name] == nil {
            missing.append("Authorization header requires '\(name)' parameter.")
        }
        if amzDate == nil { missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.") }
        guard scheme == SigV4.algorithm, missing.isEmpty, let credential = parameters["Credential"], let amzDate,
            let signature = parameters["Signature"], let signedHeaders = parameters["SignedHeaders"]
        else {
            if scheme != SigV4.algorithm, missing.isEmpty { throw .incompleteSignature("Unsupported AWS 'algorithm': '\(scheme)'") }
            throw .incompleteSignature((missing + [echo]).joined(separator: " "))
        }
        return try make(
            credential: credential, signedHeaders: signedHeaders, signature: signature, amzDate: amzDate,
            sessionToken: request.header("X-Amz-Security-Token"), expires: nil)
    }

    /// The `X-Amz-*` parameters of a presigned URL.
    private static func fromQuery(_ request: SigV4Request) throws(SigV4Failure) -> SigV4Authentication {
        let names = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"]
        let missing = names.filter { request.queryValue($0) == nil }
        guard missing.isEmpty, let credential = request.queryValue("X-Amz-Credential"),
            let signature = request.queryValue("X-Amz-Signature"), let signedHeaders = request.queryValue("X-Amz-SignedHeaders"),
            let amzDate = request.queryValue("X-Amz-Date")
        else {
            throw .incompleteSignature(
                missing.map { "AWS query-string parameters must include '\($0)'." }.joined(separator: " ")
                    + " Re-examine the query-string parameters.")
        }
        guard request.queryValue("X-Amz-Algorithm") == SigV4.algorithm else {
            throw .incompleteSignature("Unsupported AWS 'algorithm': '\(request.queryValue("X-Amz-Algorithm") ?? "")'")
        }
        let expiresText = request.queryValue("X-Amz-Expires") ?? "604800"
        guard let expires = Int(expiresText), (0...604_800).contains(expires) else {
            throw .incompleteSignature("X-Amz-Expires must be a number of seconds from 0 to 604800, not '\(expiresText)'.")
        }
        return try make(
            credential: credential, signedHeaders: signedHeaders, signature: signature, amzDate: amzDate,
            sessionToken: request.queryValue("X-Amz-Security-Token"), expires: expires)
    }

    private static func make(
        credential: String, signedHeaders: String, signature: String, amzDate: String, sessionToken: String?, expires: Int?
    ) throws(SigV4Failure) -> SigV4Authentication {
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5 else {
            throw .incompleteSignature(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '\(credential)'")
        }
        guard let date = AMZDate.parse(amzDate) else {
            throw .incompleteSignature("Date must be in ISO-8601 'basic format'. Got '\(amzDate)'. See http://en.wikipedia.org/wiki/ISO_8601")
        }
        return SigV4Authentication(
            accessKeyID: parts[0], scope: SigV4.Scope(date: parts[1], region: parts[2], service: parts[3]), terminator: parts[4],
            signedHeaders: signedHeaders.split(separator: ";").map { $0.lowercased() }, signature: signature, amzDate: amzDate,
            date: date, sessionToken: sessionToken, expires: expires)
    }
}
