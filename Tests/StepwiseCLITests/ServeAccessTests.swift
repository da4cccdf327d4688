import Foundation
import StepwiseTesting
import Testing

/// `stepwise serve --auth`: what it refuses before it listens.
@Suite("serve --auth refusals", .timeLimit(.minutes(2)))
struct ServeAccessTests {
    @Test("serve --host 0.0.0.0 without --auth refuses to start, with a clear message")
    func openOnEveryAddress() async {
        for arguments in [["--host", "0.0.0.0"], ["--host", "0.0.0.0", "--auth", "none"], ["--host", "192.168.1.5"]] {
            let result = await TestSupport.cli(["serve"] + arguments)
            #expect(result.status == 2)
            #expect(
                result.stderr
                    == "stepwise serve: refusing to listen on \(arguments[1]) without access control: anyone who can reach it could "
                    + "start, stop and read executions. Use --auth sigv4 --credentials FILE or --auth token --tokens FILE "
                    + "(docs/http-api.md#access-control), or --insecure to serve it open anyway\n")
        }
    }

    @Test("the auth options must agree and their files must parse; messages name the option and line, never a secret")
    func badOptions() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let credentials = directory.appendingPathComponent("credentials")
        try "[ci]\naws_access_key_id = AKIDCI\n".write(to: credentials, atomically: true, encoding: .utf8)
        let tokens = directory.appendingPathComponent("tokens")
        try "bob sup3r-s3cret\n".write(to: tokens, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["--auth", "basic"], "--auth must be none, sigv4 or token, not 'basic'"),
            (["--auth", "sigv4"], "--auth sigv4 needs --credentials FILE"),
            (["--auth", "token"], "--auth token needs --tokens FILE"),
            (["--tokens", tokens.path], "--credentials and --tokens need --auth sigv4 or --auth token"),
            (["--auth", "token", "--tokens", tokens.path, "--credentials", credentials.path], "--credentials needs --auth sigv4"),
            (
                ["--auth", "sigv4", "--credentials", credentials.path],
                "--credentials: profile 'ci' needs aws_access_key_id and aws_secret_access_key"
            ),
            (["--auth", "token", "--tokens", tokens.path], "--tokens: line 1: the token of 'bob' must be at least 16 visible ASCII characters"),
        ]
        for (arguments, message) in cases {
            let result = await TestSupport.cli(["serve"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "stepwise serve: \(message)\n")
            #expect(!result.stderr.contains("sup3r"))
        }
    }
}
