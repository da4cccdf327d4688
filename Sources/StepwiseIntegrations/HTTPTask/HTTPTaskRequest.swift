import Foundation
import JSON
import Stepwise

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The request an HTTP Task's parameters describe. `Authentication` and `InvocationConfig` (the EventBridge
/// connection) are accepted and ignored: locally, calls are not tied to AWS credentials.
struct HTTPTaskRequest {
    static let fields: Set<String> = [
        "ApiEndpoint", "Method", "Headers", "QueryParameters", "RequestBody", "Transform", "Authentication", "InvocationConfig",
    ]
    static let methods: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]

    let request: URLRequest

    init(_ parameters: JSON) throws(StatesError) {
        guard let object = parameters.objectValue else { throw Self.invalid("The HTTP Task parameters must be an object") }
        if let unknown = object.keys.first(where: { !Self.fields.contains($0) }) {
            throw Self.invalid("The field '\(unknown)' is not supported by arn:aws:states:::http:invoke")
        }
        guard let endpoint = object["ApiEndpoint"]?.stringValue, var components = URLComponents(string: endpoint),
            ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        else {
            throw Self.invalid("ApiEndpoint must be an http:// or https:// URL")
        }
        guard let method = object["Method"]?.stringValue?.uppercased(), Self.methods.contains(method) else {
            throw Self.invalid("Method must be one of \(Self.methods.sorted().joined(separator: ", "))")
        }
        let query = try Self.pairs(object["QueryParameters"], "QueryParameters")
        if !query.isEmpty {
            let existing = components.percentEncodedQuery.map { [$0] } ?? []
            components.percentEncodedQuery = (existing + query.map { "\(FormEncoding.escape($0.0))=\(FormEncoding.escape($0.1))" }).joined(
                separator: "&")
        }
        guard let url = components.url else { throw Self.invalid("ApiEndpoint with QueryParameters is not a valid URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in try Self.pairs(object["Headers"], "Headers") { request.addValue(value, forHTTPHeaderField: name) }
        try Self.setBody(object["RequestBody"], transform: object["Transform"], on: &request)
        self.request = request
    }

    /// Headers or query parameters: `{name: value | [values]}`; null values are left out.
    static func pairs(_ json: JSON?, _ field: String) throws(StatesError) -> [(String, String)] {
        guard let json else { return [] }
        guard let object = json.objectValue else { throw invalid("\(field) must be an object") }
        var pairs: [(String, String)] = []
        for (name, value) in object {
            for item in value.arrayValue ?? [value] where !item.isNull { pairs.append((name, FormEncoding.scalar(item))) }
        }
        return pairs
    }

    /// JSON by default; `Transform.RequestBodyEncoding: URL_ENCODED` sends an object as a form.
    static func setBody(_ body: JSON?, transform: JSON?, on request: inout URLRequest) throws(StatesError) {
        guard let body else { return }
        let encoding = transform?["RequestBodyEncoding"]?.stringValue ?? "NONE"
        guard ["NONE", "URL_ENCODED"].contains(encoding) else { throw invalid("Transform.RequestBodyEncoding must be NONE or URL_ENCODED") }
        let text: String
        let type: String
        if encoding == "URL_ENCODED" {
            guard let object = body.objectValue else { throw invalid("A URL_ENCODED RequestBody must be an object") }
            let name = transform?["RequestEncodingOptions"]?["ArrayFormat"]?.stringValue ?? "INDICES"
            guard let arrays = FormEncoding.ArrayFormat(rawValue: name) else {
                throw invalid("Transform.RequestEncodingOptions.ArrayFormat must be BRACKETS, COMMAS, INDICES or REPEAT")
            }
            (text, type) = (FormEncoding.encode(object, arrays: arrays), "application/x-www-form-urlencoded")
        } else {
            (text, type) = (body.stringValue ?? body.serialized(), "application/json")
        }
        if request.value(forHTTPHeaderField: "Content-Type") == nil { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        request.httpBody = Data(text.utf8)
    }

    static func invalid(_ message: String) -> StatesError { StatesError(StatesError.Name.runtime, message) }
}
