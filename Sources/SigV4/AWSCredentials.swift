/// An AWS access key: the identifier that travels in every signed request, the secret that never does, and the
/// session token that temporary (STS) credentials add.
package struct AWSCredentials: Sendable, Hashable {
    package var accessKeyID: String
    package var secretAccessKey: String
    package var sessionToken: String?

    package init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key identifier only: credentials printed or interpolated by mistake never show the secret.
    package var description: String { "AWSCredentials(\(accessKeyID))" }
    package var debugDescription: String { description }
}
