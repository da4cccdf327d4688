/// An HTTP request as Signature Version 4 sees it: the method, the path as it is sent (percent-encoded), the
/// query as decoded name–value pairs, the headers in the order they are sent, and the body.
package struct SigV4Request: Sendable, Equatable {
    /// A query parameter or header.
    package struct Field: Sendable, Equatable {
        package var name: String
        package var value: String
        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    package var method: String
    /// The path as it appears in the request line, before the query; `/` when empty.
    package var path: String
    /// Decoded query parameters, in order; `target` encodes them as SigV4 does.
    package var query: [Field]
    package var headers: [Field]
    package var body: [UInt8]

    package init(method: String, path: String = "/", query: [Field] = [], headers: [Field] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// A request as a server received it: `target` is the request line's target (path and raw query), whose
    /// query parameters are percent-decoded here.
    package init(method: String, target: String, headers: [Field], body: [UInt8]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawQuery = parts.count > 1 ? parts[1] : ""
        let query = rawQuery.split(separator: "&").map { pair in
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Field(SigV4Encoding.decode(nameValue[0]), nameValue.count > 1 ? SigV4Encoding.decode(nameValue[1]) : "")
        }
        self.init(method: method, path: String(parts[0]), query: query, headers: headers, body: body)
    }

    /// The request-line target: the path, then the query encoded as SigV4 encodes it (`?` only when there is one).
    package var target: String {
        guard !query.isEmpty else { return path }
        let encoded = query.map { "\(SigV4Encoding.encode($0.name))=\(SigV4Encoding.encode($0.value))" }
        return path + "?" + encoded.joined(separator: "&")
    }

    /// The values of the headers named `name` (case-insensitively), in order.
    package func headerValues(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return headers.filter { $0.name.lowercased() == lowered }.map(\.value)
    }

    /// The first value of the header named `name`, if any.
    package func header(_ name: String) -> String? { headerValues(name).first }

    /// The first value of the query parameter named exactly `name`, if any.
    package func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Replaces every header named `name` by one with `value` (appended), or removes them all when nil.
    package mutating func setHeader(_ name: String, _ value: String?) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        if let value { headers.append(Field(name, value)) }
    }
}
