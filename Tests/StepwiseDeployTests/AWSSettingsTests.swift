import Foundation
import SigV4
import StepwiseDeploy
import StepwiseTesting
import Testing

/// Credentials, region and endpoint found where the AWS CLI finds them, from temporary files.
struct AWSSettingsTests {
    let home: URL

    init() throws {
        home = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try """
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = default-secret

        [dev]
        aws_access_key_id = AKIDDEV
        aws_secret_access_key = dev-secret
        aws_session_token = dev-token
        """.write(to: home.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)
        try """
        [default]
        region = eu-west-1

        [profile dev]
        region = eu-central-1

        [profile configured]
        region = ap-southeast-2
        aws_access_key_id = AKIDCONFIG
        aws_secret_access_key = config-secret
        endpoint_url = http://localhost:8083

        [ci]
        region = us-west-2
        """.write(to: home.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
    }

    func resolve(profile: String? = nil, region: String? = nil, endpoint: String? = nil, _ environment: [String: String] = [:]) throws
        -> AWSSettings
    {
        try AWSSettings.resolve(
            AWSSettings.Options(profile: profile, region: region, endpointURL: endpoint), environment: environment.merging(["HOME": home.path]) { $1 }
        )
    }

    @Test func theDefaultProfileOfTheSharedFilesAndAWSsRegionalEndpoint() throws {
        let settings = try resolve()
        #expect(settings.credentials == AWSCredentials(accessKeyID: "AKIDDEFAULT", secretAccessKey: "default-secret"))
        #expect(settings.credentialSource == "profile default")
        #expect(settings.region == "eu-west-1")
        #expect(settings.endpoint.absoluteString == "https://states.eu-west-1.amazonaws.com")
        #expect(settings.isAWS)
        #expect(try resolve(region: "cn-north-1").endpoint.absoluteString == "https://states.cn-north-1.amazonaws.com.cn")
    }

    @Test func environmentKeysWinOverTheFilesUnlessAProfileIsNamedOnTheCommandLine() throws {
        let keys = ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "env-token"]
        let fromEnvironment = try resolve(keys)
        #expect(fromEnvironment.credentials == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token"))
        #expect(fromEnvironment.credentialSource == "environment")
        // AWS_PROFILE picks the profile (its region) but the environment's keys still win, as in botocore.
        let withProfileVariable = try resolve(keys.merging(["AWS_PROFILE": "dev"]) { $1 })
        #expect(withProfileVariable.credentials.accessKeyID == "AKIDENV")
        #expect(withProfileVariable.region == "eu-central-1")
        let named = try resolve(profile: "dev", keys)
        #expect(named.credentials == AWSCredentials(accessKeyID: "AKIDDEV", secretAccessKey: "dev-secret", sessionToken: "dev-token"))
        #expect(named.credentialSource == "profile dev")
    }

    @Test func theRegionComesFromTheOptionThenAWSRegionThenAWSDefaultRegionThenTheProfile() throws {
        let both = ["AWS_REGION": "us-east-2", "AWS_DEFAULT_REGION": "us-west-1"]
        #expect(try resolve(region: "sa-east-1", both).region == "sa-east-1")
        #expect(try resolve(both).region == "us-east-2")
        #expect(try resolve(["AWS_DEFAULT_REGION": "us-west-1"]).region == "us-west-1")
        #expect(try resolve(profile: "dev").region == "eu-central-1")
    }

    @Test func aConfigProfileMayHoldKeysAndAnEndpoint() throws {
        let settings = try resolve(profile: "configured")
        #expect(settings.credentials.accessKeyID == "AKIDCONFIG")
        #expect(settings.endpoint.absoluteString == "http://localhost:8083")
        #expect(!settings.isAWS)
        #expect(try resolve(profile: "configured", endpoint: "http://127.0.0.1:9").endpoint.absoluteString == "http://127.0.0.1:9")
        #expect(try resolve(["AWS_ENDPOINT_URL": "http://a:1"]).endpoint.absoluteString == "http://a:1")
        #expect(try resolve(["AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_SFN": "http://b:2"]).endpoint.absoluteString == "http://b:2")
    }

    @Test func theFilesAreWhereTheEnvironmentSays() throws {
        let other = home.appendingPathComponent("other-credentials")
        try "[default]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s\n".write(to: other, atomically: true, encoding: .utf8)
        let config = home.appendingPathComponent("other-config")
        try "[default]\nregion = af-south-1\n".write(to: config, atomically: true, encoding: .utf8)
        let settings = try resolve(["AWS_SHARED_CREDENTIALS_FILE": other.path, "AWS_CONFIG_FILE": config.path])
        #expect(settings.credentials.accessKeyID == "AKIDOTHER")
        #expect(settings.region == "af-south-1")
    }

    @Test func refusalsSayWhatTheAWSCLISays() throws {
        #expect(throws: DeployError("The config profile (nope) could not be found")) { try resolve(profile: "nope") }
        // `[ci]` in the config file is not a profile (a config file names them `[profile ci]`).
        #expect(throws: DeployError("The config profile (ci) could not be found")) { try resolve(["AWS_PROFILE": "ci"]) }
        #expect(throws: DeployError("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY")) {
            try resolve(["AWS_ACCESS_KEY_ID": "AKID"])
        }
        let empty = try TestSupport.temporaryDirectory()
        #expect(throws: DeployError(#"Unable to locate credentials. You can configure credentials by running "aws configure"."#)) {
            try AWSSettings.resolve(AWSSettings.Options(profile: nil, region: "us-east-1", endpointURL: nil), environment: ["HOME": empty.path])
        }
        #expect(throws: DeployError(#"You must specify a region. You can also configure your region by running "aws configure"."#)) {
            try AWSSettings.resolve(
                AWSSettings.Options(profile: nil, region: nil, endpointURL: nil),
                environment: ["HOME": empty.path, "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "B"])
        }
        #expect(throws: DeployError("Invalid endpoint: ftp://x (an http:// or https:// URL)")) { try resolve(endpoint: "ftp://x") }
        try "[default\n".write(to: home.appendingPathComponent(".aws/credentials"), atomically: true, encoding: .utf8)
        #expect(throws: DeployError("Unable to parse config file: \(home.path)/.aws/credentials (line 1: a section header must be '[name]')")) {
            try resolve()
        }
    }
}
