import SigV4
import Testing

/// The AWS CLI's credentials and config file format, as botocore reads it.
struct AWSIniFileTests {
    static let config = """
        # the CLI's config file
        [default]
        region = eu-west-1
        output=json

        [profile dev]
        region: us-west-2
        role_arn = arn:aws:iam::123456789012:role/deployer
        source_profile = default
        s3 =
          max_concurrent_requests = 20
          addressing_style = path
        Endpoint_URL = http://127.0.0.1:8083
        ; a comment
        [sso-session corp]
        sso_region = us-east-1
        """

    @Test("A config file's profiles are [default] and [profile NAME]; other sections are not profiles")
    func configProfiles() throws {
        let file = try AWSIniFile(parsing: Self.config)
        #expect(file.profileNames(configFile: true) == ["default", "dev"])
        #expect(file.profile("default", configFile: true) == ["region": "eu-west-1", "output": "json"])
        let dev = try #require(file.profile("dev", configFile: true))
        #expect(dev["region"] == "us-west-2")
        #expect(dev["role_arn"] == "arn:aws:iam::123456789012:role/deployer")
        #expect(dev["s3.max_concurrent_requests"] == "20")
        #expect(dev["s3.addressing_style"] == "path")
        #expect(dev["endpoint_url"] == "http://127.0.0.1:8083")
        #expect(file.profile("corp", configFile: true) == nil)
        #expect(file.section("sso-session corp") == ["sso_region": "us-east-1"])
    }

    @Test("A credentials file names each profile by its section; a key needs both the identifier and the secret")
    func credentialsProfiles() throws {
        let file = try AWSIniFile(
            parsing: """
                [default]
                aws_access_key_id = AKIDEXAMPLE
                aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

                [ci]
                aws_access_key_id=ASIAEXAMPLE
                aws_secret_access_key=secret=with=equals
                aws_session_token = token
                [broken]
                aws_access_key_id = AKIDONLY
                """)
        #expect(
            file.credentials(profile: "default")
                == AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
        #expect(
            file.credentials(profile: "ci")
                == AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret=with=equals", sessionToken: "token"))
        #expect(file.credentials(profile: "broken") == nil)
        #expect(file.credentials(profile: "absent") == nil)
        #expect(file.profileNames(configFile: false) == ["default", "ci", "broken"])
    }

    @Test("Lines the format does not allow are refused with their line number")
    func malformed() {
        #expect(throws: AWSIniFile.ParseError(line: 1, reason: "a setting must follow a '[section]' header")) {
            try AWSIniFile(parsing: "region = us-east-1\n")
        }
        #expect(throws: AWSIniFile.ParseError(line: 2, reason: "expected 'key = value'")) {
            try AWSIniFile(parsing: "[default]\njust words\n")
        }
        #expect(throws: AWSIniFile.ParseError(line: 1, reason: "a section header must be '[name]'")) {
            try AWSIniFile(parsing: "[default\n")
        }
    }

    @Test("Printing credentials shows the access key identifier, never the secret")
    func noSecretInDescription() {
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
        #expect("\(credentials)" == "AWSCredentials(AKIDEXAMPLE)")
        #expect(String(reflecting: credentials) == "AWSCredentials(AKIDEXAMPLE)")
    }
}
