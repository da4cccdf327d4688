/// Why a request's signature was refused, with the error name, message and HTTP status AWS answers with.
package enum SigV4Failure: Error, Equatable, Sendable {
    /// No `Authorization` header and no presigned query.
    case missingAuthentication
    /// An `Authorization` header or presigned query that lacks a part (the message says which).
    case incompleteSignature(String)
    /// An access key the server does not know, or a session token that does not belong to it.
    case unrecognizedClient
    /// A well-formed signature that does not match: what the server computed is in the message, as AWS shows it.
    case signatureMismatch(canonicalRequest: String, stringToSign: String)
    /// A signature refused for its scope or its date (the message is AWS's).
    case invalidSignature(String)

    /// The error name (`__type`).
    package var name: String {
        switch self {
        case .missingAuthentication: "MissingAuthenticationTokenException"
        case .incompleteSignature: "IncompleteSignatureException"
        case .unrecognizedClient: "UnrecognizedClientException"
        case .signatureMismatch, .invalidSignature: "InvalidSignatureException"
        }
    }

    /// The HTTP status: 403 for a missing signature, 400 for the rest, as the AWS JSON services answer.
    package var status: Int { self == .missingAuthentication ? 403 : 400 }

    package var message: String {
        switch self {
        case .missingAuthentication: "Missing Authentication Token"
        case .incompleteSignature(let message), .invalidSignature(let message): message
        case .unrecognizedClient: "The security token included in the request is invalid."
        case .signatureMismatch(let canonicalRequest, let stringToSign):
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access "
                + "Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this "
                + "request should have been\n'\(canonicalRequest)'\n\nThe String-to-Sign should have been\n'\(stringToSign)'\n"
        }
    }
}
