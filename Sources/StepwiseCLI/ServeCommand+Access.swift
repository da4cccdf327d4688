import Foundation
import StepwiseServer

extension ServeCommand {
    static let accessHelp = """
          --auth MODE      who may call the server: none (the default, on a loopback address only), sigv4 (the
                           Step Functions API needs an AWS SigV4 signature from a key of --credentials; the jobs
                           API and the console also take --tokens) or token (every API needs a bearer token of
                           --tokens); docs/http-api.md#access-control
          --credentials F  the access keys sigv4 accepts, in the AWS CLI's credentials-file format: one profile a
                           principal (aws_access_key_id, aws_secret_access_key)
          --tokens F       bearer tokens, one 'NAME TOKEN' a line (# comments); the console signs in with them
          --insecure       listen on an address other than loopback without --auth
        """

    /// A refusal to start: the message for stderr (it names options, never a file's content).
    struct AccessError: Error {
        var message: String
    }

    /// The access control `--auth`, `--credentials`, `--tokens` and `--insecure` ask for, for a server listening
    /// on `host` in `region`; nil for none.
    static func accessControl(_ arguments: ParsedArguments, host: String, region: String) throws(AccessError) -> AccessControl? {
        let modeName = arguments.value("auth") ?? "none"
        guard let mode = AccessMode(rawValue: modeName) else {
            throw AccessError(message: "--auth must be none, sigv4 or token, not '\(modeName)'")
        }
        let credentialsPath = arguments.value("credentials")
        let tokensPath = arguments.value("tokens")
        switch mode {
        case .none:
            guard credentialsPath == nil, tokensPath == nil else {
                throw AccessError(message: "--credentials and --tokens need --auth sigv4 or --auth token")
            }
            guard BrowserGuard(listeningOn: host).loopbackOnly || arguments.flag("insecure") else {
                throw AccessError(
                    message: "refusing to listen on \(host) without access control: anyone who can reach it could start, stop and "
                        + "read executions. Use --auth sigv4 --credentials FILE or --auth token --tokens FILE "
                        + "(docs/http-api.md#access-control), or --insecure to serve it open anyway")
            }
            return nil
        case .sigv4:
            guard let credentialsPath else { throw AccessError(message: "--auth sigv4 needs --credentials FILE") }
            let text = try read("--credentials", credentialsPath)
            let credentials: CredentialsFile
            do {
                credentials = try CredentialsFile(parsing: text)
            } catch {
                throw AccessError(message: "--credentials: \(error.message)")
            }
            let tokens = try tokensPath.map(loadTokens)
            return AccessControl(mode: .sigv4, credentials: credentials, tokens: tokens, region: region)
        case .token:
            guard credentialsPath == nil else { throw AccessError(message: "--credentials needs --auth sigv4") }
            guard let tokensPath else { throw AccessError(message: "--auth token needs --tokens FILE") }
            return AccessControl(mode: .token, tokens: try loadTokens(tokensPath), region: region)
        }
    }

    private static func loadTokens(_ path: String) throws(AccessError) -> TokensFile {
        let text = try read("--tokens", path)
        do {
            return try TokensFile(parsing: text)
        } catch {
            throw AccessError(message: "--tokens: \(error.message)")
        }
    }

    private static func read(_ option: String, _ path: String) throws(AccessError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AccessError(message: "\(option): cannot read '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
