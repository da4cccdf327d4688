import SigV4

/// The access keys `stepwise serve --auth sigv4 --credentials FILE` accepts: a file in the AWS CLI's credentials
/// format, each profile a principal named after it (`aws_access_key_id`, `aws_secret_access_key`, and
/// `aws_session_token` for temporary keys, which must then be presented).
package struct CredentialsFile: Sendable {
    package struct ParseError: Error, Equatable {
        package var message: String
    }

    let principals: [String: SigV4Principal]

    package init(parsing text: String) throws(ParseError) {
        let file: AWSIniFile
        do {
            file = try AWSIniFile(parsing: text)
        } catch {
            throw ParseError(message: error.description)
        }
        var principals: [String: SigV4Principal] = [:]
        for name in file.profileNames(configFile: false) {
            guard let credentials = file.credentials(profile: name) else {
                throw ParseError(message: "profile '\(name)' needs aws_access_key_id and aws_secret_access_key")
            }
            guard principals[credentials.accessKeyID] == nil else {
                throw ParseError(message: "profile '\(name)' repeats the access key of profile '\(principals[credentials.accessKeyID]?.name ?? "")'")
            }
            principals[credentials.accessKeyID] = SigV4Principal(name: name, credentials: credentials)
        }
        guard !principals.isEmpty else { throw ParseError(message: "no profile with an access key") }
        self.principals = principals
    }

    /// The principal holding `accessKeyID`, if any.
    package func principal(accessKeyID: String) -> SigV4Principal? { principals[accessKeyID] }
}
