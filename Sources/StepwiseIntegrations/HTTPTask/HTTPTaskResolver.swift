import Foundation
import JSON
import Stepwise

/// Performs `arn:aws:states:::http:invoke` for real (tier `.services`, so a mock or a resources entry for the
/// state still wins). The result has AWS's shape, `{"Headers", "ResponseBody", "StatusCode", "StatusText"}`; a
/// non-2xx answer fails the task with `States.Http.StatusCode.NNN` and the response body as the cause.
public struct HTTPTaskResolver: TaskResolver {
    static let resource = "arn:aws:states:::http:invoke"

    public init() {}

    public func handler(for task: TaskReference) -> TaskHandler? {
        guard task.resource == Self.resource else { return nil }
        return { input, _ in try await Self.invoke(input) }
    }

    static func invoke(_ parameters: JSON) async throws -> JSON {
        let request = try HTTPTaskRequest(parameters).request
        let reply: HTTPReply
        do {
            reply = try await HTTPClient.send(request)
        } catch let error as URLError where error.code != .cancelled {
            throw StatesError("States.Http.Socket", "\(request.httpMethod ?? "GET") \(request.url?.absoluteString ?? ""): \(error.localizedDescription)")
        }
        guard (200...299).contains(reply.status) else {
            throw StatesError("States.Http.StatusCode.\(reply.status)", String(decoding: reply.body, as: UTF8.self))
        }
        return result(reply)
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
