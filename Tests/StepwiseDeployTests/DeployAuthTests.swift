import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise deploy` from one process into a `stepwise serve --auth sigv4` child: the profile's keys sign
/// requests the server accepts; keys it does not know, or a wrong secret, are refused with AWS's errors.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct DeployAuthTests {
    static let credentials = """
        [deployer]
        aws_access_key_id = AKIDDEPLOYER
        aws_secret_access_key = deployer/secret/key
        """

    /// A server that takes only the deployer's key, and the environment of a deploy that reads only the shared
    /// files of the bench (`--profile deployer`; region from its config).
    func start() async throws -> (DeployBench, [String: String]) {
        let directory = try TestSupport.temporaryDirectory()
        let file = directory.appendingPathComponent("credentials")
        try Self.credentials.write(to: file, atomically: true, encoding: .utf8)
        let bench = try await DeployBench.start(["hello.asl.json": DeployBench.hello], serve: ["--auth", "sigv4", "--credentials", file.path])
        let config = bench.directory.appendingPathComponent("config")
        try "[profile deployer]\nregion = us-east-1\n".write(to: config, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = bench.directory.path
        environment["AWS_SHARED_CREDENTIALS_FILE"] = file.path
        environment["AWS_CONFIG_FILE"] = config.path
        return (bench, environment)
    }

    @Test("The profile's keys deploy into a server that checks signatures")
    func profileKeysWork() async throws {
        let (bench, environment) = try await start()
        defer { bench.stop() }
        let result = try await bench.deploy("--profile", "deployer", "--alias", "live", environment: environment)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                Plan for \(bench.endpoint) (region us-east-1, credentials: profile deployer):
                  hello: create, publish version 1; alias live → version 1 (new)
                hello: created \(DeployBench.account):hello, version 1
                hello: alias live created → version 1
                Done: 1 changed, 0 unchanged.

                """)
        let again = try await bench.deploy("--profile", "deployer", "--alias", "live", environment: environment)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("Nothing to do: every state machine is up to date.\n"))
    }

    @Test("Unknown keys and a wrong secret are refused as AWS refuses them: exit 1, nothing created")
    func wrongKeysAreRefused() async throws {
        let (bench, environment) = try await start()
        defer { bench.stop() }
        let unknown = try await bench.deploy(
            environment: environment.merging(["AWS_ACCESS_KEY_ID": "AKIDNOBODY", "AWS_SECRET_ACCESS_KEY": "x", "AWS_REGION": "us-east-1"]) { $1 })
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr == "stepwise deploy: UnrecognizedClientException: The security token included in the request is invalid.\n")
        let wrongSecret = try await bench.deploy(
            environment: environment.merging(["AWS_ACCESS_KEY_ID": "AKIDDEPLOYER", "AWS_SECRET_ACCESS_KEY": "guess", "AWS_REGION": "us-east-1"]) {
                $1
            })
        #expect(wrongSecret.status == 1)
        // AWS's message, then (as AWS writes it) the canonical request and the string to sign the server expected.
        #expect(
            wrongSecret.stderr.hasPrefix(
                "stepwise deploy: InvalidSignatureException: The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                    + "The Canonical String for this request should have been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.0\n"))
        let listed = try await TestSupport.execute(
            ["deploy", "--endpoint-url", bench.endpoint, "--profile", "deployer", "--dry-run"], in: bench.directory, environment: environment)
        #expect(listed.stdout.contains("  hello: create, publish version 1\n"))
    }
}
