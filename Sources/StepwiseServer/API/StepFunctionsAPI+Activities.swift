import Foundation
import JSON
import StepwiseIntegrations
import StepwiseStore

/// The activity actions (asl-reference §8): CreateActivity (idempotent by name), DescribeActivity,
/// ListActivities, DeleteActivity and GetActivityTask (a long poll that suspends, never blocks a thread).
extension StepFunctionsAPI {
    static func createActivity(_ engine: Engine, _ request: Members) async throws -> JSON {
        let name = try request.required("name", max: nameLength)
        let tags = try self.tags(request, resourceName: name) ?? [:]
        let record = try await activityCall { try await engine.integrations.activities.create(name: name, tags: tags) }
        return ["activityArn": .string(record.arn), "creationDate": record.creationDate.epochJSON]
    }

    static func describeActivity(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try activityArn(request)
        let record = try await activityCall { try await engine.integrations.activities.describe(arn: arn) }
        return json(record)
    }

    static func listActivities(_ engine: Engine, _ request: Members) async throws -> JSON {
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let nextToken = try request.string("nextToken", min: 1, max: 1024)
        let all = try await engine.integrations.activities.list()
        let start =
            try nextToken.map { token throws(APIError) in
                guard let index = Int(token), (0...all.count).contains(index) else { throw APIError.invalidToken }
                return index
            } ?? 0
        let end = min(all.count, start + (maxResults == 0 ? 100 : maxResults))
        return paged("activities", all[start..<end].map(json), end < all.count ? String(end) : nil)
    }

    static func deleteActivity(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try activityArn(request)
        try await engine.integrations.activities.delete(arn: arn)
        return [:]
    }

    static func getActivityTask(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try activityArn(request)
        let worker = try request.string("workerName", min: 1, max: nameLength)
        let task = try await activityCall { try await engine.integrations.getActivityTask(arn: arn, worker: worker) }
        guard let task else { return [:] }
        return ["taskToken": .string(task.token), "input": .string(task.input.serialized())]
    }

    /// The `activityArn` member, which must be an activity ARN.
    static func activityArn(_ request: Members) throws(APIError) -> String {
        let arn = try request.required("activityArn", max: arnLength)
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "arn", parts[2] == "states", parts[5] == "activity", !parts[6].isEmpty else {
            throw APIError.invalidArn("Resource type not valid in this context: \(parts.count > 5 ? String(parts[5]) : arn)")
        }
        return arn
    }

    static func json(_ record: ActivityRecord) -> JSON {
        ["activityArn": .string(record.arn), "name": .string(record.name), "creationDate": record.creationDate.epochJSON]
    }

    /// Runs an activity call, turning ``ActivityError`` into AWS's error.
    static func activityCall<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ActivityError { throw APIError.service(error.code, error.message) }
    }
}
