import Foundation
import StepwiseServer

#if canImport(Glibc)
    import Glibc
#endif

/// A failure of the raw test client.
struct ClientError: Error, CustomStringConvertible {
    let description: String
}

/// A blocking TCP client on raw POSIX sockets: writes exact bytes, reads exact responses.
///
/// Reads time out (SO_RCVTIMEO), so a server that never answers fails the test instead of hanging it.
/// Blocking calls run on threads of their own, never on the cooperative pool, which the server's handler tasks need.
///
/// `@unchecked Sendable`: a test uses its client from one task, one call at a time; the buffer is only
/// touched inside those calls.
final class RawClient: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, readTimeoutSeconds: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError(description: "socket: errno \(errno)") }
        var timeout = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // `address` is a sockaddr_in on this frame, viewed as the sockaddr connect takes.
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw ClientError(description: "connect: errno \(errno)")
        }
    }

    deinit {
        close(fd)
    }

    /// Sends all of `bytes`; a send to a closed server is an error, not a SIGPIPE.
    func send(_ bytes: [UInt8]) async throws {
        try await blocking { try self.sendNow(bytes) }
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    private func sendNow(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw ClientError(description: "send: errno \(errno)") }
            sent += count
        }
    }

    /// Closes our write side: the server reads end-of-stream.
    func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Reads more bytes into the buffer; false at end-of-stream or on a reset connection.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer += chunk[..<count]
            return true
        }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw ClientError(description: "read timed out") }
        return false
    }

    /// Reads one response (status line, headers and a Content-Length body); nil if the server closed first.
    func readResponse(head: Bool = false) async throws -> RawResponse? {
        try await blocking { try self.readResponseNow(head: head) }
    }

    private func readResponseNow(head: Bool) throws -> RawResponse? {
        var end: Int?
        while true {
            end = buffer.indices.dropLast(3).first { buffer[$0...].starts(with: [13, 10, 13, 10]) }
            if end != nil { break }
            guard try fill() else { return nil }
        }
        let headText = String(decoding: buffer[..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var response = try RawResponse(head: headText)
        let length = head || response.status < 200 ? 0 : Int(response.headers["Content-Length"] ?? "0") ?? 0
        while buffer.count < length {
            guard try fill() else { throw ClientError(description: "closed inside a body") }
        }
        response.body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return response
    }

    /// Whether the server closed the connection (end-of-stream or reset) with nothing more to read.
    func serverClosed() async throws -> Bool {
        try await blocking { self.buffer.isEmpty ? try !self.fill() : false }
    }

    /// Whatever the server still sends, until it closes the connection.
    func readToEnd() async throws -> [UInt8] {
        try await blocking {
            while try self.fill() {}
            defer { self.buffer.removeAll() }
            return self.buffer
        }
    }

    /// Runs a blocking call on a thread of its own and waits for it without holding a cooperative thread
    /// (Dispatch's pool is too small for a hundred clients blocked in `recv` at once).
    private func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}

/// A response as the raw client read it.
struct RawResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8] = []
    var text: String { String(decoding: body, as: UTF8.self) }

    init(head: String) throws {
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[0] == "HTTP/1.1", let status = Int(statusParts[1]) else {
            throw ClientError(description: "bad status line: \(lines[0])")
        }
        self.status = status
        headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ClientError(description: "bad header: \(line)") }
            headers.add(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }
}
