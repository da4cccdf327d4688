import Foundation
import SigV4
import Testing

/// AWS's published Signature Version 4 test suite (the `aws-sig-v4-test-suite` of the AWS General Reference,
/// kept in aws-c-auth and the AWS SDKs): one request each, signed at 2015-08-30T12:36:00Z with the suite's
/// example key for `us-east-1`/`service`; the expected `Authorization` headers are AWS's.
struct SigV4TestSuiteTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let method: String
        let path: String
        let query: [SigV4Request.Field]
        let headers: [SigV4Request.Field]
        let body: String
        let signedHeaders: String
        let signature: String
        var testDescription: String { name }
    }

    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    static func vector(
        _ name: String, method: String = "GET", path: String = "/", query: [(String, String)] = [], headers: [(String, String)] = [],
        body: String = "", signed: String = "host;x-amz-date", _ signature: String
    ) -> Vector {
        let base = [SigV4Request.Field("host", "example.amazonaws.com"), SigV4Request.Field("x-amz-date", "20150830T123600Z")]
        return Vector(
            name: name, method: method, path: path, query: query.map { SigV4Request.Field($0.0, $0.1) },
            headers: base + headers.map { SigV4Request.Field($0.0, $0.1) }, body: body, signedHeaders: signed, signature: signature)
    }

    static let token =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static let vectors: [Vector] = [
        vector("get-vanilla", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector(
            "get-header-key-duplicate", headers: [("my-header1", "value2,value2,value1")], signed: "host;my-header1;x-amz-date",
            "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        vector(
            "get-header-value-order", headers: [("my-header1", "value4,value1,value3,value2")], signed: "host;my-header1;x-amz-date",
            "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        vector(
            "get-header-value-trim", headers: [("my-header1", "value1"), ("my-header2", "\"a   b   c\"")],
            signed: "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        vector(
            "get-unreserved", path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
            "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        vector("get-utf8", path: "/ሴ", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        vector(
            "get-vanilla-empty-query-key", query: [("Param1", "value1")], "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
        vector(
            "get-vanilla-query-order-key-case", query: [("Param2", "value2"), ("Param1", "value1")],
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        vector(
            "get-vanilla-query-unreserved",
            query: [
                (
                    "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                    "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                )
            ], "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        vector("get-vanilla-utf8-query", query: [("ሴ", "bar")], "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        vector("post-vanilla", method: "POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        vector(
            "post-header-key-sort", method: "POST", headers: [("my-header1", "value1")], signed: "host;my-header1;x-amz-date",
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        vector(
            "post-header-value-case", method: "POST", headers: [("my-header1", "VALUE1")], signed: "host;my-header1;x-amz-date",
            "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
        vector(
            "post-sts-header-before", method: "POST", headers: [("x-amz-security-token", token)], signed: "host;x-amz-date;x-amz-security-token",
            "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
        vector(
            "post-vanilla-query", method: "POST", query: [("Param1", "value1")], "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        vector(
            "post-vanilla-query-nonunreserved", method: "POST", query: [("@#$%^", ""), ("+", "/,?><`\";:\\|][{}")],
            "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e"),
        vector("post-vanilla-query-space", method: "POST", query: [("p", "")], "e71688addb58a26418614085fb730ba3faa623b461c17f48f2fbdb9361b94a9b"),
        vector(
            "post-x-www-form-urlencoded", method: "POST", headers: [("content-type", "application/x-www-form-urlencoded")], body: "Param1=value1",
            signed: "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        vector(
            "post-x-www-form-urlencoded-parameters", method: "POST", headers: [("content-type", "application/x-www-form-urlencoded; charset=utf8")],
            body: "Param1=value1", signed: "content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        // normalize-path/: dot segments and repeated slashes go; the path is encoded (a space as %20).
        vector("normalize-path/get-space", path: "/example space/", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        vector("normalize-path/get-relative", path: "/example/..", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector(
            "normalize-path/get-relative-relative", path: "/example1/example2/../..",
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector("normalize-path/get-slash", path: "//", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector("normalize-path/get-slash-dot-slash", path: "/./", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        vector("normalize-path/get-slashes", path: "//example//", "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
        vector(
            "normalize-path/get-slash-pointless-dot", path: "/./example", "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
    ]

    @Test("The signer produces AWS's Authorization header for each test-suite request", arguments: vectors)
    func signsLikeAWS(_ vector: Vector) {
        let signer = SigV4Signer(region: "us-east-1", service: "service", credentials: Self.credentials)
        let request = SigV4Request(
            method: vector.method, path: vector.path, query: vector.query, headers: vector.headers, body: Array(vector.body.utf8))
        let signed = signer.sign(request, date: Self.date)
        #expect(
            signed.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)")
    }

    @Test("The verifier accepts each test-suite request as AWS signed it", arguments: vectors)
    func verifiesAWSSignatures(_ vector: Vector) throws {
        let authorization =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)"
        let request = SigV4Request(
            method: vector.method, path: vector.path, query: vector.query,
            headers: vector.headers + [.init("Authorization", authorization)], body: Array(vector.body.utf8))
        let principal = SigV4Principal(name: "example", credentials: Self.credentials)
        let verifier = SigV4Verifier(service: "service", regions: ["us-east-1"]) { $0 == "AKIDEXAMPLE" ? principal : nil }
        let token = request.header("x-amz-security-token")
        let tokenVerifier = SigV4Verifier(service: "service", regions: ["us-east-1"]) { _ in
            SigV4Principal(
                name: "example",
                credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.credentials.secretAccessKey, sessionToken: token))
        }
        let result = (token == nil ? verifier : tokenVerifier).verify(request, now: Self.date.addingTimeInterval(60))
        #expect(try result.get().name == "example")
    }
}
