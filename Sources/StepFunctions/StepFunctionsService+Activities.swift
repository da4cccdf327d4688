import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// The activity actions (asl-reference §8): CreateActivity (idempotent by name), DescribeActivity,
/// ListActivities, DeleteActivity and GetActivityTask (a long poll that suspends, never blocks a thread).
extension StepFunctionsService {
    /// CreateActivity; idempotent by name. - Throws: InvalidName.
    package func createActivity(_ input: CreateActivityInput) async throws -> ActivityRecord {
        try await activityCall { try await integrations.activities.create(name: input.name, tags: input.tags) }
    }

    /// DescribeActivity. - Throws: InvalidArn, ActivityDoesNotExist.
    package func describeActivity(_ input: ActivityInput) async throws -> ActivityRecord {
        try Self.checkActivityArn(input.activityArn)
        return try await activityCall { try await integrations.activities.describe(arn: input.activityArn) }
    }

    /// A page of activities (ListActivities); the token is the index of the page's first activity.
    /// - Throws: InvalidToken.
    package func listActivities(_ input: ListActivitiesInput) async throws -> Page<ActivityRecord> {
        let all = try await integrations.activities.list()
        let start =
            try input.nextToken.map { token throws(StepFunctionsError) in
                guard let index = Int(token), (0...all.count).contains(index) else { throw StepFunctionsError.invalidToken }
                return index
            } ?? 0
        let end = min(all.count, start + (input.maxResults == 0 ? 100 : input.maxResults))
        return Page(items: Array(all[start..<end]), nextToken: end < all.count ? String(end) : nil)
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
