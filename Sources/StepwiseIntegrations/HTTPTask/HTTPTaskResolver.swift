import Foundation
import JSON
import Stepwise

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Performs `arn:aws:states:::http:invoke` for real (tier `.services`, so a mock or a resources entry for the
/// state still wins). The result has AWS's shape, `{"Headers", "ResponseBody", "StatusCode", "StatusText"}`.
///
/// Failures are AWS's: a non-2xx answer fails the task with `States.Http.StatusCode.NNN` and that same response
/// object, as JSON text, for the cause; no answer — a refused connection, a host that does not resolve, a
/// request still unanswered after the 60 seconds an HTTP Task may take — is `States.Http.Socket`.
public struct HTTPTaskResolver: TaskResolver {
    static let resource = "arn:aws:states:::http:invoke"

    /// Seconds a request may take before it is aborted (AWS's HTTP Task quota: 60).
    package let timeLimit: Double

    public init(timeLimit: Double = 60) { self.timeLimit = timeLimit }

    public func handler(for task: TaskReference) -> TaskHandler? {
        guard task.resource == Self.resource else { return nil }
        let timeLimit = timeLimit
        return { input, context in try await Self.invoke(input, timeLimit: timeLimit, trace: context.trace) }
    }

    /// Sends the request; `trace` (TestState at the TRACE level) gets the request sent and the response received.
    static func invoke(_ parameters: JSON, timeLimit: Double, trace: TaskTrace? = nil) async throws -> JSON {
        let request = try HTTPTaskRequest(parameters).request
        trace?.record(request: HTTPTrace.request(request))
        let what = "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? "")"
        let reply: HTTPReply
        do {
            reply = try await Deadline.run(seconds: timeLimit) { try await HTTPClient.send(request) }
        } catch let error as URLError where error.code != .cancelled {
            throw StatesError("States.Http.Socket", "\(what): \(HTTPFailure.describe(error, url: request.url))")
        } catch is DeadlineExceeded {
            throw StatesError("States.Http.Socket", "\(what): no answer within \(ResourceCall.seconds(timeLimit)) seconds; the request was aborted")
        }
        trace?.record(response: HTTPTrace.response(reply, url: request.url))
        let response = result(reply)
        guard (200...299).contains(reply.status) else { throw StatesError("States.Http.StatusCode.\(reply.status)", response.serialized()) }
        return response
    }

    /// AWS's result: headers as lists of values, the body parsed when it is JSON.
    static func result(_ reply: HTTPReply) -> JSON {
        var headers = JSONObject()
        for (name, value) in reply.headers { headers[name] = .array((headers[name]?.arrayValue ?? []) + [.string(value)]) }
        var result: JSONObject = ["Headers": .object(headers)]
        if !reply.body.isEmpty {
            let text = String(decoding: reply.body, as: UTF8.self)
            let isJSON = reply.headers.contains { $0.name.lowercased() == "content-type" && $0.value.lowercased().contains("json") }
            result["ResponseBody"] = isJSON ? (try? JSON(parsing: text)) ?? .string(text) : .string(text)
        }
        result["StatusCode"] = .int(reply.status)
        result["StatusText"] = .string(HTTPStatusText.text(reply.status))
        return .object(result)
    }
}
