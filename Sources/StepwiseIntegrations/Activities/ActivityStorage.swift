import Stepwise

/// Where the ``ActivityCatalog`` keeps activities: durable storage (``IntegrationStorage``), so they survive a
/// restart, or memory.
package protocol ActivityStorage: Sendable {
    /// Stores an activity, or answers the one already stored with that ARN (CreateActivity is idempotent by name).
    func createActivity(_ activity: ActivityRecord) async throws -> ActivityRecord
    /// The activity with this ARN, or nil.
    func activity(arn: String) async throws -> ActivityRecord?
    /// Every activity, by name.
    func activities() async throws -> [ActivityRecord]
    /// Deletes an activity; false when there was none.
    @discardableResult
    func deleteActivity(arn: String) async throws -> Bool
}

/// Activities that last as long as the process.
package actor MemoryActivityStorage: ActivityStorage {
    private var records: [String: ActivityRecord] = [:]

    package init() {}

    package func createActivity(_ activity: ActivityRecord) -> ActivityRecord {
        if let existing = records[activity.arn] { return existing }
        records[activity.arn] = activity
        return activity
    }

    package func activity(arn: String) -> ActivityRecord? { records[arn] }

    package func activities() -> [ActivityRecord] { records.values.sorted { $0.name < $1.name } }

    @discardableResult
    package func deleteActivity(arn: String) -> Bool { records.removeValue(forKey: arn) != nil }
}
