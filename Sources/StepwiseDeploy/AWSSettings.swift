import Foundation
import SigV4

/// Where to deploy and as whom, found where the AWS CLI finds it (docs/deployment.md).
///
/// - Profile: `--profile`, else `AWS_PROFILE`, else `default`.
/// - Credentials: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` (ignored when `--profile`
///   is given, as botocore ignores them), else the profile in the credentials file (`AWS_SHARED_CREDENTIALS_FILE`,
///   default `~/.aws/credentials`, `[NAME]`), else in the config file (`AWS_CONFIG_FILE`, default
///   `~/.aws/config`, `[profile NAME]` or `[default]`).
/// - Region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`.
/// - Endpoint: `--endpoint-url`, `AWS_ENDPOINT_URL_SFN`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`, else
///   AWS's `https://states.REGION.amazonaws.com`.
package struct AWSSettings: Sendable {
    package var credentials: AWSCredentials
    /// Where the credentials came from, for the plan's header (`environment`, `profile dev`).
    package var credentialSource: String
    package var region: String
    package var endpoint: URL
    /// Whether the endpoint is AWS's own (no endpoint URL given anywhere).
    package var isAWS: Bool

    /// The options of the command line that take part (nil when not given).
    package struct Options: Sendable {
        package var profile: String?
        package var region: String?
        package var endpointURL: String?

        package init(profile: String?, region: String?, endpointURL: String?) {
            self.profile = profile
            self.region = region
            self.endpointURL = endpointURL
        }
    }

    /// Resolves the settings from `options`, the `environment` and the shared files.
    ///
    /// - Throws: ``DeployError`` in the AWS CLI's words: an unknown profile, partial or missing credentials, no region.
    package static func resolve(_ options: Options, environment: [String: String]) throws(DeployError) -> AWSSettings {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let files = try SharedFiles(environment: environment, home: home)
        let profile = options.profile ?? nonEmpty(environment["AWS_PROFILE"]) ?? "default"
        let config = files.config?.profile(profile, configFile: true) ?? [:]
        if options.profile != nil || nonEmpty(environment["AWS_PROFILE"]) != nil,
            files.config?.profile(profile, configFile: true) == nil, files.credentials?.profile(profile, configFile: false) == nil
        {
            throw DeployError("The config profile (\(profile)) could not be found")
        }
        let (credentials, source) = try Self.credentials(options, environment: environment, files: files, profile: profile)
        guard let region = options.region ?? nonEmpty(environment["AWS_REGION"]) ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? config["region"]
        else { throw DeployError(#"You must specify a region. You can also configure your region by running "aws configure"."#) }
        let configured =
            options.endpointURL ?? nonEmpty(environment["AWS_ENDPOINT_URL_SFN"]) ?? nonEmpty(environment["AWS_ENDPOINT_URL"])
            ?? config["endpoint_url"]
        let endpoint: URL
        if let configured {
            guard let url = URL(string: configured), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
            else {
                throw DeployError("Invalid endpoint: \(configured) (an http:// or https:// URL)")
            }
            endpoint = url
        } else {
            guard let url = StepFunctionsClient.awsEndpoint(region: region) else { throw DeployError("Invalid region: \(region)") }
            endpoint = url
        }
        return AWSSettings(credentials: credentials, credentialSource: source, region: region, endpoint: endpoint, isAWS: configured == nil)
    }

    /// The access key: the environment's (unless a profile was named on the command line), else the profile's.
    static func credentials(
        _ options: Options, environment: [String: String], files: SharedFiles, profile: String
    ) throws(DeployError) -> (AWSCredentials, String) {
        if options.profile == nil {
            let id = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
            let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
            if let id, let secret {
                let token = nonEmpty(environment["AWS_SESSION_TOKEN"]) ?? nonEmpty(environment["AWS_SECURITY_TOKEN"])
                return (AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token), "environment")
            }
            if id != nil || secret != nil {
                throw DeployError("Partial credentials found in env, missing: \(id == nil ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")")
            }
        }
        if let credentials = files.credentials?.credentials(profile: profile) { return (credentials, "profile \(profile)") }
        if let credentials = files.config?.credentials(profile: profile, configFile: true) { return (credentials, "profile \(profile)") }
        throw DeployError(#"Unable to locate credentials. You can configure credentials by running "aws configure"."#)
    }

    static func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
}

/// The AWS CLI's two shared files, each nil when it does not exist.
struct SharedFiles {
    var credentials: AWSIniFile?
    var config: AWSIniFile?

    init(environment: [String: String], home: String) throws(DeployError) {
        credentials = try Self.read(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", home: home)
        config = try Self.read(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", home: home)
    }

    static func read(_ path: String, home: String) throws(DeployError) -> AWSIniFile? {
        let expanded = path == "~" || path.hasPrefix("~/") ? home + path.dropFirst() : path
        guard let data = FileManager.default.contents(atPath: expanded) else { return nil }
        do { return try AWSIniFile(parsing: String(decoding: data, as: UTF8.self)) } catch {
            throw DeployError("Unable to parse config file: \(expanded) (\(error))")
        }
    }
}
