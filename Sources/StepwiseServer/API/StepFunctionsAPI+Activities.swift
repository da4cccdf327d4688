import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseStore

/// The activity actions (asl-reference §8): CreateActivity, DescribeActivity, ListActivities, DeleteActivity and
/// GetActivityTask.
extension StepFunctionsAPI {
    static func createActivity(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let name = try request.required("name", max: nameLength)
        let tags = try self.tags(request, resourceName: name) ?? [:]
        let record = try await service.createActivity(CreateActivityInput(name: name, tags: tags, encryption: try encryption(request)))
        return ["activityArn": .string(record.arn), "creationDate": record.creationDate.epochJSON]
    }

    static func describeActivity(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        described(try await service.describeActivity(ActivityInput(activityArn: try activityArn(request))))
    }

    static func listActivities(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let page = try await service.listActivities(try pageRequest(request, tokenLength: 1024))
        return paged("activities", page.items.map(json), page.nextToken)
    }

    static func deleteActivity(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        try await service.deleteActivity(ActivityInput(activityArn: try activityArn(request)))
        return [:]
    }

    static func getActivityTask(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try activityArn(request)
        let worker = try request.string("workerName", min: 1, max: nameLength)
        guard let task = try await service.getActivityTask(GetActivityTaskInput(activityArn: arn, workerName: worker)) else { return [:] }
        return ["taskToken": .string(task.token), "input": .string(task.input.serialized())]
    }

    /// The `activityArn` member, which must be an activity ARN (checked here, before the members that follow it).
    static func activityArn(_ request: Members) throws(StepFunctionsError) -> String {
        let arn = try request.required("activityArn", max: arnLength)
        try StepFunctionsService.checkActivityArn(arn)
        return arn
    }

    static func json(_ record: ActivityRecord) -> JSON {
        ["activityArn": .string(record.arn), "name": .string(record.name), "creationDate": record.creationDate.epochJSON]
    }

    /// DescribeActivity's answer: the listing's members and the `encryptionConfiguration` (an AWS owned key when
    /// none was given).
    static func described(_ record: ActivityRecord) -> JSON {
        [
            "activityArn": .string(record.arn), "name": .string(record.name), "creationDate": record.creationDate.epochJSON,
            "encryptionConfiguration": .object(record.encryption ?? ["type": "AWS_OWNED_KEY"]),
        ]
    }
}
