import Foundation
import JSON
import Stepwise

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The HTTP Task's request and response as TestState's TRACE level reports them (botocore's
/// `InspectionDataRequest` / `InspectionDataResponse`): every member a string, headers as `[Name: value, …]`.
enum HTTPTrace {
    static func request(_ request: URLRequest) -> JSON {
        let headers = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key.lowercased() < $1.key.lowercased() }.map { ($0.key, $0.value) }
        return [
            "protocol": .string(request.url?.scheme ?? "https"), "method": .string(request.httpMethod ?? "GET"),
            "url": .string(request.url?.absoluteString ?? ""), "headers": .string(render(headers)),
            "body": .string(String(decoding: request.httpBody ?? Data(), as: UTF8.self)),
        ]
    }

    static func response(_ reply: HTTPReply, url: URL?) -> JSON {
        [
            "protocol": .string(url?.scheme ?? "https"), "statusCode": .string(String(reply.status)),
            "statusMessage": .string(HTTPStatusText.text(reply.status)), "headers": .string(render(reply.headers)),
            "body": .string(String(decoding: reply.body, as: UTF8.self)),
        ]
    }

    static func render(_ headers: [(name: String, value: String)]) -> String {
        "[" + headers.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "]"
    }
}
