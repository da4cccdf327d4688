import Foundation
import JSON
import StepwiseStore

extension JobsAPI {
    /// The job id and input of a `POST /{workflow}/jobs`.
    ///
    /// The body is the input (empty means `{}`) and the id comes from the `name` query parameter, unless the
    /// body is an envelope: an object whose only members are `input` and optionally `name`.
    static func submission(_ request: HTTPRequest) throws(JobsError) -> (name: String?, input: JSON) {
        var name = request.queryValue("name")
        guard !request.body.isEmpty else { return (name, .object(JSONObject())) }
        let body: JSON
        do { body = try JSON(parsing: request.body) } catch {
            throw JobsError(.badRequest, "InvalidInput", "The request body is not valid JSON: \(error.message)")
        }
        guard let object = body.objectValue, let input = object["input"],
            Set(object.keys).isSubset(of: ["input", "name"])
        else { return (name, body) }
        if let member = object["name"] {
            guard let text = member.stringValue else { throw JobsError.badRequest("name must be a string") }
            name = name ?? text
        }
        return (name, input)
    }

    /// The `maxResults` query parameter: 0–1000, 0 (or absent) meaning 100.
    static func maxResults(_ request: HTTPRequest) throws(JobsError) -> Int {
        guard let text = request.queryValue("maxResults") else { return 0 }
        guard let value = Int(text), (0...1000).contains(value) else {
            throw JobsError.badRequest("maxResults must be an integer between 0 and 1000")
        }
        return value
    }

    /// A job as the API shows it: input and output as JSON values, dates in RFC 3339.
    static func json(_ job: JobRecord) -> JSON {
        var object: JSONObject = [
            "id": .string(job.id), "workflow": .string(job.workflow), "status": .string(job.status.rawValue),
            "createdDate": timestamp(job.createdDate), "input": parsed(job.input),
        ]
        if let arn = job.executionArn, job.status != .failed || job.startDate != nil { object["executionArn"] = .string(arn) }
        if let date = job.startDate { object["startDate"] = timestamp(date) }
        if let date = job.stopDate { object["stopDate"] = timestamp(date) }
        if let output = job.output { object["output"] = parsed(output) }
        if let error = job.error { object["error"] = .string(error) }
        if let cause = job.cause { object["cause"] = .string(cause) }
        return .object(object)
    }

    static func page(_ key: String, _ items: [JSON], _ nextToken: String?) -> JSON {
        var object: JSONObject = [key: .array(items)]
        object["nextToken"] = nextToken.map(JSON.string) ?? .null
        return .object(object)
    }

    static func parsed(_ text: String) -> JSON { (try? JSON(parsing: text)) ?? .string(text) }

    /// RFC 3339 with milliseconds, UTC: `2026-01-02T03:04:05.678Z`.
    static func timestamp(_ date: Date) -> JSON {
        .string(date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)))
    }
}
