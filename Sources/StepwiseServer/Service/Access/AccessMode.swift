/// Who may call `stepwise serve` (`--auth`).
package enum AccessMode: String, Sendable, CaseIterable {
    /// Anyone who can connect (the default, and only on a loopback address unless `--insecure`).
    case none
    /// The Step Functions API needs an AWS Signature Version 4 from a key of the credentials file; the jobs API
    /// and the console take the same signatures, bearer tokens of the tokens file, or a console session.
    case sigv4
    /// Every API needs a bearer token of the tokens file (or a console session).
    case token
}
