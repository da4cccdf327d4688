import Digests
import Foundation
import JSON
import SigV4
import Testing

@testable import StepwiseServer

/// `stepwise serve --auth`: signed requests built with our signer and sent over real sockets, and the exact
/// refusals of everything else.
@Suite("Access control", .timeLimit(.minutes(2)))
struct AccessControlTests {
    static let alice = AWSCredentials(accessKeyID: "AKIDALICE0000EXAMPLE", secretAccessKey: "alice/secret+key/EXAMPLE0000000000000000")
    static let credentialsFile = """
        [alice]
        aws_access_key_id = \(alice.accessKeyID)
        aws_secret_access_key = \(alice.secretAccessKey)
        """
    static let token = "tok-bob-0123456789abcdef"
    static let tokensFile = "# name token\nbob \(token)\n"
    static let flow = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#

    static func access(_ mode: AccessMode) throws -> AccessControl {
        AccessControl(
            mode: mode, credentials: mode == .sigv4 ? try CredentialsFile(parsing: credentialsFile) : nil,
            tokens: try TokensFile(parsing: tokensFile), region: "us-east-1")
    }

    static func withAccess<T>(_ mode: AccessMode = .sigv4, _ body: (TestService) async throws -> T) async throws -> T {
        let access = try access(mode)
        return try await withService(workflows: ["flow": flow], configure: { $0.access = access }, body)
    }

    /// A Step Functions request as boto3 sends it to `Host: localhost`.
    static func apiRequest(_ action: String, _ body: String = "{}") -> SigV4Request {
        SigV4Request(
            method: "POST", path: "/",
            headers: [
                .init("Host", "localhost"), .init("Content-Type", "application/x-amz-json-1.0"),
                .init("X-Amz-Target", "AWSStepFunctions.\(action)"),
            ], body: Array(body.utf8))
    }

    static func signed(_ request: SigV4Request, _ key: AWSCredentials = alice, at date: Date = Date(), region: String = "us-east-1")
        -> SigV4Request
    {
        SigV4Signer(region: region, service: "states", credentials: key).sign(request, date: date)
    }

    @Test("a request signed with a key of the credentials file is served")
    func signedRequestServed() async throws {
        try await Self.withAccess { service in
            let response = try await service.client.send(Self.signed(Self.apiRequest("ListStateMachines")))
            #expect(response.status == 200)
            #expect(response.json["stateMachines"]?.arrayValue?.count == 1)
        }
    }

    @Test("no signature: MissingAuthenticationTokenException, 403, as AWS answers")
    func missing() async throws {
        try await Self.withAccess { service in
            let response = try await service.client.send(Self.apiRequest("ListStateMachines"))
            #expect(response.status == 403)
            #expect(response.headers["Content-Type"] == "application/x-amz-json-1.0")
            #expect(
                response.text
                    == #"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Missing Authentication Token"}"#)
        }
    }

    @Test("an unknown access key: UnrecognizedClientException, 400")
    func unknownKey() async throws {
        try await Self.withAccess { service in
            let stranger = AWSCredentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: "whatever")
            let response = try await service.client.send(Self.signed(Self.apiRequest("ListStateMachines"), stranger))
            #expect(response.status == 400)
            #expect(
                response.text
                    == #"{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}"#
            )
        }
    }

    @Test("a wrong secret or a tampered body: InvalidSignatureException with the canonical request the server computed")
    func invalidSignature() async throws {
        try await Self.withAccess { service in
            let wrong = AWSCredentials(accessKeyID: Self.alice.accessKeyID, secretAccessKey: "not-alice's-secret")
            let wrongKey = try await service.client.send(Self.signed(Self.apiRequest("ListStateMachines"), wrong))
            #expect(wrongKey.status == 400)
            #expect(wrongKey.json["__type"] == "com.amazon.coral.service#InvalidSignatureException")
            let message = wrongKey.json["message"]?.stringValue ?? ""
            #expect(
                message.hasPrefix(
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                        + "and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request "
                        + "should have been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:localhost\nx-amz-date:"))
            #expect(!message.contains(Self.alice.secretAccessKey))

            var tampered = Self.signed(Self.apiRequest("StartExecution", #"{"stateMachineArn":"\#(Definitions.machineArn("flow"))"}"#))
            tampered.body = Array(#"{"stateMachineArn":"\#(Definitions.machineArn("other"))"}"#.utf8)
            let response = try await service.client.send(tampered)
            #expect(response.json["__type"] == "com.amazon.coral.service#InvalidSignatureException")
            let bodyHash = Digest.hexDigest(of: tampered.body, .sha256)
            #expect(response.json["message"]?.stringValue?.contains("\n\ncontent-type;host;x-amz-date;x-amz-target\n\(bodyHash)'") == true)
            let listed = try await service.client.send(
                Self.signed(Self.apiRequest("ListExecutions", #"{"stateMachineArn":"\#(Definitions.machineArn("flow"))"}"#)))
            #expect(listed.json["executions"] == [])
        }
    }

    @Test("a request replayed more than 15 minutes after it was signed is refused as AWS words it")
    func replayed() async throws {
        try await Self.withAccess { service in
            let signedAt = Date().addingTimeInterval(-20 * 60)
            let old = Self.signed(Self.apiRequest("ListStateMachines"), at: signedAt)
            let response = try await service.client.send(old)
            #expect(response.status == 400)
            #expect(response.json["__type"] == "com.amazon.coral.service#InvalidSignatureException")
            let message = response.json["message"]?.stringValue ?? ""
            // "Signature expired: SIGNED is now earlier than NOW-15 (NOW - 15 min.)", NOW being the server's clock.
            let words = message.split(separator: " ").map(String.init)
            #expect(words.count == 12, "\(message)")
            guard words.count == 12, let now = AMZDate.parse(String(words[8].dropFirst())), let earliest = AMZDate.parse(words[7]) else { return }
            #expect(message == "Signature expired: \(AMZDate.format(signedAt)) is now earlier than \(words[7]) (\(words[8].dropFirst()) - 15 min.)")
            #expect(now.timeIntervalSince(earliest) == 900)
            #expect(abs(now.timeIntervalSinceNow) < 60)
        }
    }

    @Test("another region in the credential scope is refused")
    func otherRegion() async throws {
        try await Self.withAccess { service in
            let response = try await service.client.send(Self.signed(Self.apiRequest("ListStateMachines"), region: "eu-west-1"))
            #expect(
                response.text
                    == #"{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Credential should be scoped to a valid region. "}"#
            )
        }
    }

    @Test("a presigned URL reads the jobs API; the same URL with a parameter changed does not")
    func presigned() async throws {
        try await Self.withAccess { service in
            let url = SigV4Signer(region: "us-east-1", service: "states", credentials: Self.alice).presign(
                SigV4Request(method: "GET", path: "/jobs", query: [.init("status", "RUNNING")], headers: [.init("Host", "localhost")]),
                date: Date(), expires: 60)
            let response = try await service.client.send(url)
            #expect(response.status == 200, "\(response.text)")
            #expect(response.json["jobs"] == [])
            var changed = url
            changed.query[0].value = "FAILED"
            let refused = try await service.client.send(changed)
            #expect(refused.status == 400)
            #expect(refused.json["error"] == "InvalidSignatureException")
        }
    }

    @Test("the jobs API takes a bearer token of the tokens file; a wrong or missing one is a 401")
    func bearer() async throws {
        try await Self.withAccess { service in
            let good = try await service.client.sendRaw("GET", "/jobs", headers: ["Authorization: Bearer \(Self.token)"])
            #expect(good.status == 200)
            let bad = try await service.client.sendRaw("GET", "/jobs", headers: ["Authorization: Bearer tok-mallory-0123456789"])
            #expect(bad.status == 401)
            #expect(bad.headers["WWW-Authenticate"] == #"Bearer realm="stepwise""#)
            #expect(bad.text == #"{"error":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#)
            #expect(!bad.text.contains("mallory"))
            let none = try await service.client.sendRaw("GET", "/health")
            #expect(none.status == 401)
            #expect(none.text == #"{"error":"MissingAuthenticationTokenException","message":"Missing Authentication Token"}"#)
            // The Step Functions API needs a signature in sigv4 mode: a bearer token is not one.
            let api = try await service.client.sendRaw(
                "POST", "/", body: "{}",
                headers: [
                    "Authorization: Bearer \(Self.token)", "X-Amz-Target: AWSStepFunctions.ListStateMachines",
                    "Content-Type: application/x-amz-json-1.0",
                ])
            #expect(api.status == 400)
            #expect(!api.text.contains(Self.token))
        }
    }

    @Test("--auth token: every API takes the bearer token, the Step Functions API included")
    func tokenMode() async throws {
        try await Self.withAccess(.token) { service in
            let headers = ["X-Amz-Target: AWSStepFunctions.ListStateMachines", "Content-Type: application/x-amz-json-1.0"]
            let good = try await service.client.sendRaw("POST", "/", body: "{}", headers: headers + ["Authorization: Bearer \(Self.token)"])
            #expect(good.status == 200)
            let missing = try await service.client.sendRaw("POST", "/", body: "{}", headers: headers)
            #expect(missing.status == 403)
            let signed = try await service.client.send(Self.signed(Self.apiRequest("ListStateMachines")))
            #expect(signed.status == 403, "a signature is no token")
        }
    }

    @Test("the console asks for a token, turns ?token= into an HttpOnly SameSite=Strict cookie, and the cookie opens every API")
    func consoleSignIn() async throws {
        try await Self.withAccess { service in
            let client = service.client
            let page = try await client.sendRaw("GET", "/")
            #expect(page.status == 401)
            #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
            #expect(page.text.contains(#"<form method="post" action="/console/sign-in">"#))
            #expect(page.headers["Content-Security-Policy"] == "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
            #expect(try await client.sendRaw("GET", "/console/api/jobs").status == 401)
            #expect(try await client.sendRaw("GET", "/console/app.js").status == 200)

            let wrong = try await client.sendRaw("GET", "/?token=nope-nope-nope-nope")
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("That token is not valid."))
            #expect(!wrong.text.contains("nope-nope"))

            let signIn = try await client.sendRaw("GET", "/?token=\(Self.token)")
            #expect(signIn.status == 303)
            #expect(signIn.headers["Location"] == "/")
            let cookie = try #require(signIn.headers["Set-Cookie"])
            #expect(cookie.hasPrefix("stepwise_session="))
            #expect(cookie.hasSuffix("; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict"))
            #expect(!cookie.contains(Self.token))
            let session = "Cookie: " + String(cookie.prefix { $0 != ";" })
            #expect(try await client.sendRaw("GET", "/", headers: [session]).status == 200)
            #expect(try await client.sendRaw("GET", "/console/api/jobs", headers: [session]).status == 200)
            let stop = try await client.sendRaw(
                "POST", "/", body: "{}",
                headers: [session, "X-Amz-Target: AWSStepFunctions.ListStateMachines", "Content-Type: application/x-amz-json-1.0"])
            #expect(stop.status == 200, "the console's own API calls (Stop) carry the cookie")
            #expect(try await client.sendRaw("GET", "/", headers: ["Cookie: stepwise_session=forged"]).status == 401)

            let form = try await client.sendRaw(
                "POST", "/console/sign-in", body: "token=\(Self.token)", headers: ["Content-Type: application/x-www-form-urlencoded"])
            #expect(form.status == 303)
            #expect(form.headers["Set-Cookie"]?.hasPrefix("stepwise_session=") == true)
        }
    }

    @Test("--auth none (the default) lets every request through, signed or not")
    func none() async throws {
        try await withService { service in
            let api = try await service.client.send(Self.apiRequest("ListStateMachines"))
            let console = try await service.client.sendRaw("GET", "/")
            #expect(api.status == 200)
            #expect(console.status == 200)
        }
    }

    @Test("the files: tokens need a name and 16 characters, credentials a complete key per profile; errors never quote a secret")
    func files() throws {
        #expect(throws: TokensFile.ParseError(message: "line 1: the token of 'bob' must be at least 16 visible ASCII characters")) {
            try TokensFile(parsing: "bob short\n")
        }
        #expect(throws: TokensFile.ParseError(message: "line 2: expected 'NAME TOKEN'")) { try TokensFile(parsing: "\nbob\n") }
        #expect(throws: TokensFile.ParseError(message: "line 2: the token of 'carol' is used twice")) {
            try TokensFile(parsing: "bob \(Self.token)\ncarol \(Self.token)\n")
        }
        #expect(throws: CredentialsFile.ParseError(message: "profile 'x' needs aws_access_key_id and aws_secret_access_key")) {
            try CredentialsFile(parsing: "[x]\naws_access_key_id = AKID\n")
        }
        #expect(throws: CredentialsFile.ParseError(message: "no profile with an access key")) { try CredentialsFile(parsing: "# empty\n") }
    }
}

extension APIClient {
    /// Sends `request` exactly as signed (its headers, `Host` included, in order), with its `Content-Length`.
    func send(_ request: SigV4Request) async throws -> RawResponse {
        let head =
            (["\(request.method) \(request.target) HTTP/1.1"] + request.headers.map { "\($0.name): \($0.value)" }
            + ["Content-Length: \(request.body.count)"]).joined(separator: "\r\n") + "\r\n\r\n"
        try await raw.send(Array(head.utf8) + request.body)
        guard let response = try await raw.readResponse() else { throw ClientError(description: "the server closed the connection") }
        return response
    }
}

extension RawResponse {
    var json: JSON { (try? JSON(parsing: body)) ?? .null }
}
