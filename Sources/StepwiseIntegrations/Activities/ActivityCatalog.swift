import Foundation
import JSON
import Stepwise

/// The activities that exist (CreateActivity, DescribeActivity, ListActivities, DeleteActivity), kept in an
/// ``ActivityStorage``: the store when there is one, so they survive a restart, memory otherwise.
package actor ActivityCatalog {
    let storage: any ActivityStorage
    let region: String
    let account: String

    package init(storage: any ActivityStorage, region: String, account: String) {
        self.storage = storage
        self.region = region
        self.account = account
    }

    /// The ARN of the activity named `name`.
    package nonisolated func arn(name: String) -> String { "arn:aws:states:\(region):\(account):activity:\(name)" }

    /// Creates an activity, or answers the existing one with that name (idempotent, as on AWS).
    package func create(name: String, tags: [String: String] = [:]) async throws -> ActivityRecord {
        try await create(name: name, tags: tags, encryption: nil)
    }

    /// Creates an activity with an `encryptionConfiguration` (as AWS answers it), or answers the existing one.
    package func create(name: String, tags: [String: String], encryption: JSONObject?) async throws -> ActivityRecord {
        guard ExecutionName.isValid(name) else { throw ActivityError.invalidName(name) }
        var record = ActivityRecord(arn: arn(name: name), name: name, creationDate: Date(), tags: tags)
        record.encryption = encryption
        return try await storage.createActivity(record)
    }

    /// The activity with this ARN. - Throws: ``ActivityError/doesNotExist(arn:)``.
    package func describe(arn: String) async throws -> ActivityRecord {
        guard let record = try await find(arn) else { throw ActivityError.doesNotExist(arn: arn) }
        return record
    }

    /// Every activity, by name.
    package func list() async throws -> [ActivityRecord] {
        try await storage.activities()
    }

    /// Deletes an activity (deleting a missing one is not an error, as on AWS).
    package func delete(arn: String) async throws {
        try await storage.deleteActivity(arn: arn)
    }

    /// Whether the activity exists.
    package func exists(_ arn: String) async -> Bool { ((try? await find(arn)) ?? nil) != nil }

    private func find(_ arn: String) async throws -> ActivityRecord? {
        try await storage.activity(arn: arn)
    }
}
