import Foundation
import Stepwise

extension CallbackIntegrations {
    /// The default and longest GetActivityTask wait (AWS: 60 s).
    static let maxPoll: Duration = .seconds(60)

    /// GetActivityTask: the next task of an activity, waiting up to `timeout` (default ``activityPollTimeout``, at
    /// most 60 s); nil when none came.
    /// - Throws: ``ActivityError/doesNotExist(arn:)``, ``ActivityError/workerLimitExceeded(arn:)``.
    package func getActivityTask(arn: String, worker: String? = nil, timeout: Duration? = nil) async throws -> ActivityTask? {
        guard await activities.exists(arn) else { throw ActivityError.doesNotExist(arn: arn) }
        return try await broker.poll(arn: arn, worker: worker ?? "", timeout: min(timeout ?? activityPollTimeout, Self.maxPoll))
    }
}
