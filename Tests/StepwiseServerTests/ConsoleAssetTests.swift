import Foundation
import JSON
import StepFunctions
import Testing

@testable import StepwiseConsole

@Suite("Console: the page, its assets and their headers", .timeLimit(.minutes(1)))
struct ConsoleAssetTests {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'"

    @Test("GET / answers the console's page with a policy that forbids inline script, and no MIME sniffing")
    func page() async throws {
        try await withService { service in
            let response = try await service.client.sendRaw("GET", "/")
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
            #expect(response.headers["Content-Security-Policy"] == Self.policy)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["X-Frame-Options"] == "DENY")
            #expect(response.headers["Referrer-Policy"] == "no-referrer")
            #expect(response.headers["Cache-Control"] == "no-cache")
            #expect(response.body == Array(Assets.page.utf8))
            // One script element, an external file: nothing inline for the policy to refuse.
            #expect(response.text.components(separatedBy: "<script").count == 2)
            #expect(response.text.contains(#"<script src="/console/app.js" defer></script>"#))
            #expect(!response.text.contains("style="))
        }
    }

    @Test(
        "The script, the stylesheet and the icon are served from the binary with their types",
        arguments: [
            ("/console/app.js", "text/javascript; charset=utf-8"), ("/console/app.css", "text/css; charset=utf-8"),
            ("/console/favicon.svg", "image/svg+xml"),
        ])
    func assets(path: String, type: String) async throws {
        try await withService { service in
            let response = try await service.client.sendRaw("GET", path)
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == type)
            #expect(response.headers["Content-Security-Policy"] == Self.policy)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.body == Assets.byPath[path]?.bytes)
        }
    }

    @Test("The script builds the page from text only: no innerHTML, no document.write, no eval, no inline styles")
    func scriptEscapes() {
        for construct in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setAttribute('style'"] {
            #expect(!Assets.script.contains(construct), "the script uses \(construct)")
        }
        #expect(Assets.script.hasPrefix("'use strict';"))
    }

    @Test("HEAD / answers the page's headers and length without its body")
    func head() async throws {
        try await withService { service in
            try await service.client.raw.send("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            let response = try #require(try await service.client.raw.readResponse(head: true))
            #expect(response.status == 200)
            #expect(response.headers["Content-Length"] == String(Assets.page.utf8.count))
            #expect(response.body.isEmpty)
        }
    }

    @Test("An unknown console path is a 404 in JSON; other methods and the AWS target go to the APIs")
    func routing() async throws {
        try await withService { service in
            let missing = try await service.client.send("GET", "/console/api/nothing")
            #expect(missing.status == 404)
            #expect(missing.body == ["error": "NotFound", "message": "The console has no such page or endpoint"])
            let posted = try await service.client.send("POST", "/console/app.js")
            #expect(posted.status == 404)
            #expect(posted.body == ["error": "NotFound", "message": "No route for /console/app.js"])
            let aws = try await service.client.sendRaw("GET", "/", headers: ["X-Amz-Target: AWSStepFunctions.ListStateMachines"])
            #expect(aws.status == 405)
            #expect(try await service.client.send("GET", "/health").status == 200)
        }
    }
}
