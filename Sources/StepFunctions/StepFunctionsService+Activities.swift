import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// The activity actions (asl-reference §8): CreateActivity (idempotent by name), DescribeActivity,
/// ListActivities, DeleteActivity and GetActivityTask (a long poll that suspends, never blocks a thread).
extension StepFunctionsService {
    /// CreateActivity; idempotent by name. - Throws: InvalidName, InvalidEncryptionConfiguration.
    package func createActivity(_ input: CreateActivityInput) async throws -> ActivityRecord {
        let encryption = try input.encryption.map { encryption throws(StepFunctionsError) in
            try Self.encryptionConfiguration(encryption).objectValue ?? [:]
        }
        return try await activityCall { try await integrations.activities.create(name: input.name, tags: input.tags, encryption: encryption) }
    }

    /// DescribeActivity. - Throws: InvalidArn, ActivityDoesNotExist.
    package func describeActivity(_ input: ActivityInput) async throws -> ActivityRecord {
        try Self.checkActivityArn(input.activityArn)
        return try await activityCall { try await integrations.activities.describe(arn: input.activityArn) }
    }

    /// A page of activities (ListActivities), by name; the token carries the last name answered, so it stays valid
    /// across restarts and activities created meanwhile never shift a page. - Throws: InvalidToken.
    package func listActivities(_ input: ListActivitiesInput) async throws -> Page<ActivityRecord> {
        var after: String?
        if let token = input.nextToken {
            guard let key = try? PageToken(decoding: token, listing: "activities", scope: "", keyCount: 1), let name = key.key[0].stringValue
            else { throw StepFunctionsError.invalidToken }
            after = name
        }
        let all = try await integrations.activities.list().filter { $0.name > (after ?? "") }
        let limit = input.maxResults == 0 ? 100 : input.maxResults
        guard all.count > limit else { return Page(items: all, nextToken: nil) }
        let token = PageToken(listing: "activities", scope: "", key: [.string(all[limit - 1].name)])
        return Page(items: Array(all.prefix(limit)), nextToken: token.encoded())
    }

    /// DeleteActivity; an unknown activity is fine, as on AWS. - Throws: InvalidArn.
    package func deleteActivity(_ input: ActivityInput) async throws {
        try Self.checkActivityArn(input.activityArn)
        try await integrations.activities.delete(arn: input.activityArn)
    }

    /// GetActivityTask: the next task of the activity, or nil when none came within the poll's time.
    /// - Throws: InvalidArn, ActivityDoesNotExist, ActivityWorkerLimitExceeded.
    package func getActivityTask(_ input: GetActivityTaskInput) async throws -> ActivityTask? {
        try Self.checkActivityArn(input.activityArn)
        return try await activityCall { try await integrations.getActivityTask(arn: input.activityArn, worker: input.workerName) }
    }

    /// Throws InvalidArn unless `arn` is an activity's ARN.
    package static func checkActivityArn(_ arn: String) throws(StepFunctionsError) {
        try ResourceARN.activity(arn)
    }

    /// Runs an activity call, turning ``ActivityError`` into AWS's error.
    private func activityCall<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as ActivityError { throw StepFunctionsError.service(error.code, error.message) }
    }
}
