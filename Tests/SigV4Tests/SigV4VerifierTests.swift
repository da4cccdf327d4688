import Foundation
import SigV4
import Testing

/// The verifier's refusals, each with AWS's error name, status and message.
struct SigV4VerifierTests {
    static let key = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let now = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let verifier = SigV4Verifier(service: "states", regions: ["us-east-1"]) { id in
        id == key.accessKeyID ? SigV4Principal(name: "alice", credentials: key) : nil
    }

    static func request(body: String = #"{"maxResults":1}"#) -> SigV4Request {
        SigV4Request(
            method: "POST", path: "/",
            headers: [
                .init("Host", "127.0.0.1:8083"), .init("Content-Type", "application/x-amz-json-1.0"),
                .init("X-Amz-Target", "AWSStepFunctions.ListStateMachines"),
            ], body: Array(body.utf8))
    }

    static func signed(_ key: AWSCredentials = key, region: String = "us-east-1", service: String = "states", at date: Date = now)
        -> SigV4Request
    {
        SigV4Signer(region: region, service: service, credentials: key).sign(request(), date: date)
    }

    static func failure(_ request: SigV4Request, now: Date = now) -> SigV4Failure? {
        if case .failure(let failure) = verifier.verify(request, now: now) { return failure }
        return nil
    }

    @Test("A request signed with a known key is accepted as its principal, within 15 minutes either way")
    func accepted() throws {
        #expect(try Self.verifier.verify(Self.signed(), now: Self.now).get().name == "alice")
        #expect(try Self.verifier.verify(Self.signed(), now: Self.now.addingTimeInterval(899)).get().name == "alice")
        #expect(try Self.verifier.verify(Self.signed(), now: Self.now.addingTimeInterval(-899)).get().name == "alice")
    }

    @Test("No signature at all is MissingAuthenticationTokenException, 403")
    func missing() {
        let failure = Self.failure(Self.request())
        #expect(failure == .missingAuthentication)
        #expect(failure?.name == "MissingAuthenticationTokenException")
        #expect(failure?.status == 403)
        #expect(failure?.message == "Missing Authentication Token")
    }

    @Test("An unknown access key is UnrecognizedClientException")
    func unknownKey() {
        let failure = Self.failure(Self.signed(AWSCredentials(accessKeyID: "AKIDOTHER", secretAccessKey: "x")))
        #expect(failure?.name == "UnrecognizedClientException")
        #expect(failure?.message == "The security token included in the request is invalid.")
        #expect(failure?.status == 400)
    }

    @Test("A wrong secret or a tampered body is InvalidSignatureException with the canonical request and string to sign")
    func mismatch() {
        var tampered = Self.signed()
        tampered.body = Array(#"{"maxResults":2}"#.utf8)
        let failure = Self.failure(tampered)
        guard case .signatureMismatch(let canonical, let stringToSign) = failure else {
            Issue.record("expected a signature mismatch, got \(String(describing: failure))")
            return
        }
        #expect(canonical.hasPrefix("POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:127.0.0.1:8083\n"))
        #expect(stringToSign.hasPrefix("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/states/aws4_request\n"))
        #expect(
            failure?.message
                == "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                + "and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should "
                + "have been\n'\(canonical)'\n\nThe String-to-Sign should have been\n'\(stringToSign)'\n")
        let wrongSecret = AWSCredentials(accessKeyID: Self.key.accessKeyID, secretAccessKey: "not the secret")
        #expect(Self.failure(Self.signed(wrongSecret))?.name == "InvalidSignatureException")
    }

    @Test("A request signed more than 15 minutes ago, or ahead, is refused with AWS's wording")
    func stale() {
        let later = Self.now.addingTimeInterval(3600)
        #expect(
            Self.failure(Self.signed(), now: later)
                == .invalidSignature("Signature expired: 20150830T123600Z is now earlier than 20150830T132100Z (20150830T133600Z - 15 min.)"))
        #expect(
            Self.failure(Self.signed(), now: Self.now.addingTimeInterval(-3600))
                == .invalidSignature(
                    "Signature not yet current: 20150830T123600Z is still later than 20150830T115100Z (20150830T113600Z + 15 min.)"))
    }

    @Test("A scope for another region or service is refused")
    func scope() {
        #expect(Self.failure(Self.signed(region: "eu-west-1")) == .invalidSignature("Credential should be scoped to a valid region. "))
        #expect(
            Self.failure(Self.signed(service: "lambda")) == .invalidSignature("Credential should be scoped to correct service: 'states'. "))
    }

    @Test("A malformed Authorization header is IncompleteSignatureException naming what is missing")
    func incomplete() {
        var request = Self.request()
        request.headers.append(.init("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/states/aws4_request"))
        #expect(
            Self.failure(request)
                == .incompleteSignature(
                    "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/states/aws4_request"))
        var bearer = Self.request()
        bearer.headers.append(.init("Authorization", "Bearer s3cr3t-token"))
        let failure = Self.failure(bearer)
        #expect(failure?.name == "IncompleteSignatureException")
        #expect(failure?.message.contains("s3cr3t") == false)
    }

    @Test("A presigned URL is accepted until it expires; a changed parameter breaks it")
    func presigned() throws {
        let signer = SigV4Signer(region: "us-east-1", service: "states", credentials: Self.key)
        let url = signer.presign(
            SigV4Request(method: "GET", path: "/jobs", query: [.init("status", "RUNNING")], headers: [.init("Host", "127.0.0.1:8083")]),
            date: Self.now, expires: 300)
        #expect(url.target.hasPrefix("/jobs?status=RUNNING&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2F"))
        let received = SigV4Request(method: "GET", target: url.target, headers: url.headers, body: [])
        #expect(try Self.verifier.verify(received, now: Self.now.addingTimeInterval(299)).get().name == "alice")
        #expect(
            Self.failure(received, now: Self.now.addingTimeInterval(301))
                == .invalidSignature("Signature expired: 20150830T124100Z is now earlier than 20150830T124101Z (presigned for 300 seconds)"))
        let changed = SigV4Request(
            method: "GET", target: url.target.replacingOccurrences(of: "RUNNING", with: "FAILED"), headers: url.headers, body: [])
        #expect(Self.failure(changed)?.name == "InvalidSignatureException")
    }

    @Test("Temporary credentials must present their own session token")
    func sessionToken() {
        let temporary = AWSCredentials(accessKeyID: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token-1")
        let verifier = SigV4Verifier(service: "states", regions: ["us-east-1"]) { _ in SigV4Principal(name: "ci", credentials: temporary) }
        #expect((try? verifier.verify(Self.signed(temporary), now: Self.now).get().name) == "ci")
        var other = temporary
        other.sessionToken = "token-2"
        #expect(verifier.verify(Self.signed(other), now: Self.now) == .failure(.unrecognizedClient))
    }
}

/// The timestamp format SigV4 signs with.
struct AMZDateTests {
    @Test("Dates format as ISO 8601 basic in UTC and parse back; impossible dates do not parse")
    func roundTrip() {
        #expect(AMZDate.format(Date(timeIntervalSince1970: 1_440_938_160.9)) == "20150830T123600Z")
        #expect(AMZDate.format(Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
        #expect(AMZDate.parse("20000229T000000Z") == Date(timeIntervalSince1970: 951_782_400))
        for bad in ["20150230T000000Z", "20151301T000000Z", "20150830T240000Z", "20150830T123600", "2015-08-30T12:36:00Z", ""] {
            #expect(AMZDate.parse(bad) == nil, "\(bad)")
        }
    }
}

/// Hostile or broken signatures are refused with a typed failure, never a crash.
struct SigV4HostileInputTests {
    static let headers: [String] = [
        "", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256 ,,,,", "AWS4-HMAC-SHA256 Credential=, SignedHeaders=, Signature=",
        "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=;;;, Signature=zz",
        "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/states/aws4_request, SignedHeaders=HOST;;X-AMZ-DATE;missing, Signature=",
        "aws4-hmac-sha256 Credential=AKIDEXAMPLE/20150830/us-east-1/states/aws4_request, SignedHeaders=host, Signature=00",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/states/aws4_request, SignedHeaders=host, Signature="
            + String(repeating: "ä", count: 10_000),
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer", "=", "\u{0}\u{1}",
    ]

    @Test("Broken Authorization headers are refused as incomplete or invalid", arguments: headers)
    func brokenHeaders(_ authorization: String) {
        var request = SigV4VerifierTests.request()
        request.headers += [.init("Authorization", authorization), .init("X-Amz-Date", "20150830T123600Z")]
        guard case .failure(let failure) = SigV4VerifierTests.verifier.verify(request, now: SigV4VerifierTests.now) else {
            Issue.record("accepted \(authorization)")
            return
        }
        #expect(["IncompleteSignatureException", "InvalidSignatureException", "UnrecognizedClientException"].contains(failure.name))
    }

    @Test("Broken presigned queries and targets are refused, never trusted")
    func brokenQueries() {
        for target in [
            "/?X-Amz-Signature=", "/?X-Amz-Credential=%",
            "/?X-Amz-Credential=a%2Fb&X-Amz-Signature=1&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-SignedHeaders=host&X-Amz-Date=20150830T123600Z",
            "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fstates%2Faws4_request"
                + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=99999999&X-Amz-SignedHeaders=host&X-Amz-Signature=00",
            "?&&==&%%%&X-Amz-Signature", "/a?b=c=d&X-Amz-Credential==",
        ] {
            let request = SigV4Request(method: "GET", target: target, headers: [.init("Host", "localhost")], body: [])
            guard case .failure = SigV4VerifierTests.verifier.verify(request, now: SigV4VerifierTests.now) else {
                Issue.record("accepted \(target)")
                continue
            }
        }
    }
}
