import JSON
import Testing

@testable import StepwiseServer

private struct Teapot: HTTPResponseError {
    var status: HTTPStatus { HTTPStatus(code: 418, reason: "I'm a teapot") }
    var httpResponse: HTTPResponse { .json(["__type": "Teapot", "message": "short and stout"], status: status) }
}

private struct Secret: Error {
    let password = "hunter2"
}

@Suite("Responses and errors", .timeLimit(.minutes(3)))
struct HTTPResponseTests {
    private func text(_ response: HTTPResponse, omitBody: Bool = false, close: Bool = false) -> String {
        String(decoding: response.serialized(omitBody: omitBody, close: close, date: "Sun, 06 Nov 1994 08:49:37 GMT"), as: UTF8.self)
    }

    @Test("Serialization sets Content-Length, Date and Server and ignores the handler's own framing fields")
    func serialization() {
        let response = HTTPResponse(headers: ["Content-Length": "99", "X-A": "1", "Server": "other"], body: Array("hi".utf8))
        #expect(
            text(response, close: true)
                == "HTTP/1.1 200 OK\r\nX-A: 1\r\nContent-Length: 2\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Server: stepwise\r\nConnection: close\r\n\r\nhi")
    }

    @Test("HEAD responses keep Content-Length but carry no body; 204 has neither")
    func headAndNoContent() {
        #expect(
            text(HTTPResponse(body: [1, 2, 3]), omitBody: true).hasSuffix(
                "Content-Length: 3\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: stepwise\r\n\r\n"))
        let noContent = text(HTTPResponse(status: .noContent, body: [1]))
        #expect(!noContent.contains("Content-Length") && noContent.hasSuffix("\r\n\r\n"))
    }

    @Test("Header values with CR or LF are dropped rather than splitting the response")
    func responseSplitting() {
        #expect(!text(HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: b"])).contains("Set-Cookie"))
    }

    @Test("Errors render their own response; unknown errors are a 500 without internals")
    func errors() {
        let teapot = HTTPResponse(error: Teapot())
        #expect(teapot.status.code == 418)
        #expect(String(decoding: teapot.body, as: UTF8.self) == #"{"__type":"Teapot","message":"short and stout"}"#)
        let secret = HTTPResponse(error: Secret())
        #expect(secret.status == .internalServerError)
        #expect(!String(decoding: secret.body, as: UTF8.self).contains("hunter2"))
        let notFound = HTTPResponse(error: HTTPError(.notFound, message: "No such job."))
        #expect(notFound.status == .notFound && notFound.headers["content-type"] == "text/plain; charset=utf-8")
    }

    @Test("A malformed JSON body is a 400")
    func jsonBody() throws {
        #expect(try HTTPRequest(target: "/", body: Array(#"{"a":1}"#.utf8)).jsonBody() == ["a": 1])
        #expect(throws: HTTPError.self) { try HTTPRequest(target: "/", body: Array("{".utf8)).jsonBody() }
    }

    @Test("Header lookup ignores case and setting replaces every field of the name")
    func headers() {
        var headers: HTTPHeaders = ["Accept": "a", "accept": "b", "X": "1"]
        #expect(headers["ACCEPT"] == "a")
        headers["Accept"] = "c"
        #expect(headers.fields.map(\.name) == ["Accept", "X"] && headers["accept"] == "c")
        headers["x"] = nil
        #expect(headers.count == 1)
    }

    @Test("Dates are IMF-fixdate")
    func dates() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
