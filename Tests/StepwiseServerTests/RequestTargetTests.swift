import Testing

@testable import StepwiseServer

@Suite("Request targets", .timeLimit(.minutes(3)))
struct RequestTargetTests {
    @Test(
        "Paths are percent-decoded",
        arguments: [
            ("/plain", "/plain"), ("/a%20b", "/a b"), ("/caf%C3%A9", "/café"), ("/a+b", "/a+b"),
            ("/x%2Fy", "/x/y"), ("http://example.com/abs?x=1", "/abs"), ("https://example.com", "/"),
        ])
    func pathDecoding(target: String, path: String) throws {
        #expect(try RequestTarget(parsing: target, method: "GET").path == path)
    }

    @Test("Query parameters keep their order and decode plus and escapes")
    func queryDecoding() throws {
        let target = try RequestTarget(parsing: "/p?b=2&a=x+y&a=%26%3D&flag&&=v", method: "GET")
        #expect(target.query.map(\.name) == ["b", "a", "a", "flag", ""])
        #expect(target.query.map(\.value) == ["2", "x y", "&=", "", "v"])
    }

    @Test("Bad targets are a 400", arguments: ["/%", "/%4", "/%zz", "/%00", "/%C3%28", "relative", "?q"])
    func badTargets(target: String) {
        #expect(throws: HTTPError.self) {
            try RequestTarget(parsing: target, method: "GET")
        }
    }

    @Test("An asterisk is accepted for OPTIONS only")
    func asterisk() throws {
        #expect(try RequestTarget(parsing: "*", method: "OPTIONS").path == "*")
        #expect(throws: HTTPError.self) { try RequestTarget(parsing: "*", method: "GET") }
    }

    @Test("The public request initialiser decodes its target")
    func publicInitialiser() {
        let request = HTTPRequest(method: "GET", target: "/jobs/a%20b?limit=5")
        #expect(request.path == "/jobs/a b")
        #expect(request.queryValue("limit") == "5")
        #expect(request.queryValue("missing") == nil)
    }
}
