import Foundation
import JSON
import Testing

@testable import StepwiseServer

/// Web pages cannot drive the server: foreign origins, cross-site fetches, rebound host names and non-JSON REST
/// bodies are refused; SDK-style requests (no Origin, a loopback Host) are not.
@Suite("Browser guard", .timeLimit(.minutes(2)))
struct BrowserGuardTests {
    static let jobs = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#

    @Test("the issue's request: POST /{workflow}/jobs with text/plain and a foreign Origin is 403, and no job starts")
    func foreignOriginRefused() async throws {
        try await withService(workflows: ["flow": Self.jobs]) { service in
            let client = service.client
            let refused = try await client.sendRaw(
                "POST", "/flow/jobs", body: #"{"name":"evil"}"#, headers: ["Content-Type: text/plain", "Origin: http://evil.example"])
            #expect(refused.status == 403)
            #expect(refused.text == "Forbidden: requests from other origins are refused (Origin: http://evil.example)\n")
            let listed = try await client.send("GET", "/jobs")
            #expect(listed.body["jobs"] == [])
        }
    }

    @Test(
        "state-changing requests from another site are refused on both APIs; reads are not",
        arguments: [
            ("POST", "/flow/jobs", ["Origin: http://127.0.0.1.evil.example"], 403),
            ("POST", "/flow/jobs", ["Origin: null"], 403),
            ("POST", "/flow/jobs", ["Origin: http://localhost:1"], 403),
            ("POST", "/flow/jobs", ["Sec-Fetch-Site: cross-site"], 403),
            ("POST", "/flow/jobs", ["Sec-Fetch-Site: same-site"], 403),
            ("POST", "/jobs/x/cancel", ["Origin: http://evil.example"], 403),
            ("POST", "/", ["X-Amz-Target: AWSStepFunctions.ListStateMachines", "Origin: http://evil.example"], 403),
            ("POST", "/flow/jobs", ["Origin: http://localhost"], 201),
            ("POST", "/flow/jobs", ["Sec-Fetch-Site: same-origin"], 201),
            ("POST", "/flow/jobs", ["Sec-Fetch-Site: none"], 201),
            ("GET", "/jobs", ["Origin: http://evil.example", "Sec-Fetch-Site: cross-site"], 200),
        ])
    func sites(method: String, path: String, headers: [String], status: Int) async throws {
        try await withService(workflows: ["flow": Self.jobs]) { service in
            let response = try await service.client.sendRaw(
                method, path, body: method == "POST" && path != "/jobs/x/cancel" ? "{}" : "", headers: headers)
            #expect(response.status == status, "\(response.text)")
        }
    }

    @Test("on loopback, only loopback Host names are answered (DNS rebinding), reads included")
    func rebinding() async throws {
        try await withService { service in
            let raw = service.client.raw
            for (host, status) in [
                ("rebind.evil.example", 403), ("127.0.0.1.nip.io", 403), ("10.0.0.1:8083", 403), ("", 403), ("localhost", 200),
                ("LOCALHOST:1", 200), ("app.localhost", 200), ("127.0.0.1:8083", 200), ("127.1.2.3", 200), ("[::1]:8083", 200),
            ] {
                try await raw.send("GET /health HTTP/1.1\r\nHost: \(host)\r\n\r\n")
                let response = try #require(try await raw.readResponse())
                #expect(response.status == status, "Host: \(host)")
                if status == 403 {
                    #expect(
                        response.text
                            == "Forbidden: this server listens on loopback only and answers loopback host names only, not '\(host)'\n")
                }
            }
        }
    }

    @Test("listening on every address, any Host is answered")
    func wildcardHost() {
        let guardAll = BrowserGuard(listeningOn: "0.0.0.0")
        #expect(guardAll.refusal(of: HTTPRequest(target: "/health", headers: ["Host": "stepwise.internal"])) == nil)
        #expect(BrowserGuard(listeningOn: "::1").loopbackOnly)
        #expect(BrowserGuard(listeningOn: "[::1]").loopbackOnly)
        #expect(BrowserGuard(listeningOn: "localhost").loopbackOnly)
        #expect(!BrowserGuard(listeningOn: "192.168.1.5").loopbackOnly)
    }

    @Test("the REST API takes only JSON bodies: text/plain, forms and none are 415; JSON types and empty bodies pass")
    func jsonOnly() async throws {
        try await withService(workflows: ["flow": Self.jobs]) { service in
            let client = service.client
            for (type, status) in [
                ("Content-Type: text/plain", 415), ("Content-Type: application/x-www-form-urlencoded", 415),
                ("Content-Type: multipart/form-data; boundary=x", 415),
                ("Content-Type: application/json; charset=utf-8", 201), ("Content-Type: application/vnd.api+json", 201),
                ("Content-Type: Application/JSON", 201),
            ] {
                let response = try await client.sendRaw("POST", "/flow/jobs", body: "{}", headers: [type])
                #expect(response.status == status, "\(type): \(response.text)")
            }
            let refused = try await client.send("POST", "/flow/jobs", body: "{}", headers: ["Content-Type: text/plain"])
            #expect(
                refused.body
                    == [
                        "error": "UnsupportedMediaType",
                        "message": "The request body must be JSON (Content-Type: application/json), not 'text/plain'",
                    ])
            #expect(try await client.send("POST", "/flow/jobs", headers: ["Content-Type: text/plain"]).status == 201)
            try await client.raw.send("POST /flow/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}")
            let undeclared = try #require(try await client.raw.readResponse())
            #expect(undeclared.status == 415)
            #expect(try JSON(parsing: undeclared.body)["message"] == "The request body must be JSON (Content-Type: application/json), not none")
        }
    }
}
