import Foundation
import JSON
import SigV4
import StepwiseIntegrations

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small client of the Step Functions API over AWS JSON 1.0: `POST /` with `X-Amz-Target:
/// AWSStepFunctions.<Action>` and the members as a JSON object, signed with SigV4 (service `states`).
///
/// It speaks to AWS's regional endpoint or to any endpoint that serves the same API (`stepwise serve`).
package struct StepFunctionsClient: Sendable {
    package let endpoint: URL
    package let region: String
    let credentials: AWSCredentials

    package init(endpoint: URL, region: String, credentials: AWSCredentials) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
    }

    /// AWS's endpoint for Step Functions in `region` (China's regions are under `amazonaws.com.cn`).
    package static func awsEndpoint(region: String) -> URL? {
        URL(string: "https://states.\(region).amazonaws.com\(region.hasPrefix("cn-") ? ".cn" : "")")
    }

    /// Calls `action` with `members`; answers the response's members. Throttling and the service's own failures
    /// are retried as botocore's standard mode does: up to 3 attempts, with exponential backoff and full jitter.
    ///
    /// - Throws: ``APIError``: AWS's error name and message, or why the endpoint could not be reached.
    package func call(_ action: String, _ members: JSONObject) async throws(APIError) -> JSON {
        let body = Data(JSON.object(members).serializedBytes())
        var attempt = 1
        while true {
            do throws(APIError) {
                return try await send(action, body: body)
            } catch let error where error.isRetryable && attempt < Self.maxAttempts {
                try? await Task.sleep(for: .milliseconds(Int.random(in: 0...(500 << attempt))))
                attempt += 1
            }
        }
    }

    static let maxAttempts = 3

    func send(_ action: String, body: Data) async throws(APIError) -> JSON {
        let request = signedRequest(action: action, body: body)
        let reply: HTTPReply
        do { reply = try await HTTPClient.send(request) } catch {
            throw APIError(code: nil, message: "cannot reach \(endpoint.absoluteString): \(error.localizedDescription)")
        }
        return try Self.members(of: reply, action: action, endpoint: endpoint)
    }

    /// The request for `action`, signed now: the headers signed are those sent (`Host` as URLSession sends it).
    package func signedRequest(action: String, body: Data, date: Date = Date()) -> URLRequest {
        let path = endpoint.path.isEmpty ? "/" : endpoint.path
        let unsigned = SigV4Request(
            method: "POST", path: path,
            headers: [
                .init("Host", Self.host(endpoint)), .init("Content-Type", "application/x-amz-json-1.0"),
                .init("X-Amz-Target", "AWSStepFunctions.\(action)"),
            ], body: Array(body))
        let signed = SigV4Signer(region: region, service: "states", credentials: credentials).sign(unsigned, date: date)
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        components?.path = path
        var request = URLRequest(url: components?.url ?? endpoint, timeoutInterval: 60)
        request.httpMethod = "POST"
        request.httpBody = body
        for header in signed.headers { request.setValue(header.value, forHTTPHeaderField: header.name) }
        return request
    }

    /// The `Host` header: the host, and the port unless it is the scheme's default.
    static func host(_ url: URL) -> String {
        let name = url.host ?? ""
        let host = name.contains(":") && !name.hasPrefix("[") ? "[\(name)]" : name
        let defaultPort = url.scheme?.lowercased() == "https" ? 443 : 80
        guard let port = url.port, port != defaultPort else { return host }
        return "\(host):\(port)"
    }

    /// The members of a 2xx answer, or the error an AWS JSON error body names.
    static func members(of reply: HTTPReply, action: String, endpoint: URL) throws(APIError) -> JSON {
        let json = try? JSON(parsing: reply.body)
        if (200..<300).contains(reply.status), let json, json.objectValue != nil { return json }
        guard let type = json?["__type"]?.stringValue else {
            throw APIError(
                code: nil,
                message:
                    "\(endpoint.absoluteString) is not a Step Functions endpoint: \(action) answered HTTP \(reply.status) without an AWS JSON body")
        }
        let message = json?["message"]?.stringValue ?? json?["Message"]?.stringValue ?? ""
        throw APIError(code: String(type.split(separator: "#").last ?? Substring(type)), message: message)
    }
}

/// A refusal of the Step Functions API (`code`: AWS's error name, as `ResourceNotFound`) or a transport failure
/// (`code` nil).
package struct APIError: Error, Sendable, CustomStringConvertible {
    package var code: String?
    package var message: String

    /// The errors botocore's standard retry mode retries (throttling, the service failing) — never a refusal.
    package static let retryableCodes: Set<String> = [
        "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded", "ServiceUnavailable",
        "ServiceUnavailableException", "InternalFailure", "InternalServerError", "RequestTimeout", "RequestTimeoutException",
    ]

    package var isRetryable: Bool { code.map(Self.retryableCodes.contains) ?? false }

    package var description: String {
        guard let code else { return message }
        return message.isEmpty ? code : "\(code): \(message)"
    }
}
