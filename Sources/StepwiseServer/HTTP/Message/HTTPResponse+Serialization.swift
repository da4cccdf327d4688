extension HTTPResponse {
    /// Header fields the server writes itself; a handler's values for them are ignored.
    private static let managedFields = ["Content-Length", "Transfer-Encoding", "Connection", "Date", "Server"]

    /// The bytes on the wire: status line, the handler's fields, then the managed fields and the body.
    ///
    /// - Parameters:
    ///   - omitBody: true for `HEAD`: `Content-Length` still gives the body's length, but no body follows.
    ///   - close: add `Connection: close` because the server closes after this response.
    ///   - date: the `Date` value (IMF-fixdate).
    func serialized(omitBody: Bool, close: Bool, date: String) -> [UInt8] {
        var head = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for field in headers where !Self.managedFields.contains(where: { HTTPHeaders.equalNames($0, field.name) }) {
            guard Self.isSafe(field) else { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        let body = status.forbidsBody ? [] : body
        if status.code != 204 && !(100..<200).contains(status.code) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Date: \(date)\r\nServer: stepwise\r\n"
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !omitBody { bytes += body }
        return bytes
    }

    /// Drops fields that would split the response: a name that is not a token, or CR/LF in a value.
    private static func isSafe(_ field: HTTPHeaders.Field) -> Bool {
        !field.name.isEmpty && field.name.utf8.allSatisfy(HTTPSyntax.isTokenByte)
            && !field.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0 }
    }

    /// The interim response that tells a client waiting on `Expect: 100-continue` to send the body.
    static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
