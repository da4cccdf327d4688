import Foundation
import StepwiseServer
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Server: requests and keep-alive", .serialized, .timeLimit(.minutes(1)))
struct HTTPServerExchangeTests {
    @Test("URLSession GET and POST get their answers")
    func urlSession() async throws {
        try await withServer { _, port in
            let url = URL(string: "http://127.0.0.1:\(port)/jobs/a%20b?x=1&y=two+words")!
            let (data, response) = try await URLSession.shared.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Server") == "stepwise")
            #expect(String(decoding: data, as: UTF8.self) == "method=GET\npath=/jobs/a b\nquery=x:1,y:two words")
            var post = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/submit")!)
            post.httpMethod = "POST"
            post.httpBody = Data("payload".utf8)
            let (postData, _) = try await URLSession.shared.data(for: post)
            #expect(String(decoding: postData, as: UTF8.self) == "method=POST\npath=/submit\nbody=payload")
        }
    }

    @Test("Several requests share one kept-alive connection")
    func keepAlive() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            for index in 1...5 {
                try await client.send(requestHead("GET", "/\(index)"))
                let response = try #require(try await client.readResponse())
                #expect(response.text == "method=GET\npath=/\(index)")
                #expect(response.headers["Connection"] == nil)
                #expect(response.headers["Date"]?.hasSuffix("GMT") == true)
            }
        }
    }

    @Test("Pipelined requests are answered in order")
    func pipelining() async throws {
        let slowFirst: HTTPServer.Handler = { request in
            if request.path == "/1" { try? await Task.sleep(for: .milliseconds(100)) }
            return HTTPResponse(text: request.path)
        }
        try await withServer(handler: slowFirst) { _, port in
            let client = try RawClient(port: port)
            try await client.send((1...10).map { requestHead("GET", "/\($0)") }.joined())
            for index in 1...10 {
                #expect(try await client.readResponse()?.text == "/\(index)")
            }
        }
    }

    @Test("Connection: close and HTTP/1.0 get one answer, then the server closes")
    func connectionClose() async throws {
        try await withServer { _, port in
            for head in [requestHead("GET", "/", ["Connection: close"]), "GET /old HTTP/1.0\r\n\r\n"] {
                let client = try RawClient(port: port)
                try await client.send(head)
                let response = try #require(try await client.readResponse())
                #expect(response.status == 200)
                #expect(response.headers["Connection"] == "close")
                #expect(try await client.serverClosed())
            }
        }
    }

    @Test("HEAD gets the headers of GET and no body")
    func head() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("HEAD", "/h"))
            let response = try #require(try await client.readResponse(head: true))
            #expect(response.headers["Content-Length"] == "19")
            try await client.send(requestHead("GET", "/h"))
            #expect(try await client.readResponse()?.text == "method=GET\npath=/h")
        }
    }

    @Test("Bodies arrive by Content-Length, in pieces, and chunked with trailers")
    func bodies() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("POST", "/", ["Content-Length: 11"]) + "hello")
            try await Task.sleep(for: .milliseconds(20))
            try await client.send(" world")
            #expect(try await client.readResponse()?.text == "method=POST\npath=/\nbody=hello world")
            try await client.send(requestHead("POST", "/c", ["Transfer-Encoding: chunked"]) + "3\r\nabc\r\n")
            try await Task.sleep(for: .milliseconds(20))
            try await client.send("2;x=y\r\nde\r\n0\r\nChecksum: 9\r\n\r\n")
            #expect(try await client.readResponse()?.text == "method=POST\npath=/c\nbody=abcde\ntrailer=Checksum:9")
        }
    }

    @Test("Expect: 100-continue gets 100 Continue before the body is sent")
    func expectContinue() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try await client.send(requestHead("PUT", "/e", ["Content-Length: 4", "Expect: 100-continue"]))
            #expect(try await client.readResponse()?.status == 100)
            try await client.send("data")
            #expect(try await client.readResponse()?.text == "method=PUT\npath=/e\nbody=data")
        }
    }

    @Test("URLSession's streamed upload arrives chunked and whole")
    func streamedUpload() async throws {
        let describe: HTTPServer.Handler = { request in
            HTTPResponse(text: "\(request.headers["Transfer-Encoding"] ?? "-") \(request.body.count)")
        }
        try await withServer(handler: describe) { _, port in
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/big")!)
            request.httpMethod = "POST"
            request.httpBodyStream = InputStream(data: Data(repeating: 7, count: 1_000_000))
            let (data, _) = try await URLSession.shared.data(for: request)
            #expect(String(decoding: data, as: UTF8.self) == "chunked 1000000")
        }
    }
}
