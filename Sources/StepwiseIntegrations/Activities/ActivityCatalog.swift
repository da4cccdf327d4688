import Foundation
import Stepwise
import StepwiseStore

/// The activities that exist (CreateActivity, DescribeActivity, ListActivities, DeleteActivity): in the store
/// when there is one, so they survive a restart, in memory otherwise.
public actor ActivityCatalog {
    let store: Store?
    let region: String
    let account: String
    private var memory: [String: ActivityRecord] = [:]

    public init(store: Store?, region: String, account: String) {
        self.store = store
        self.region = region
        self.account = account
    }

    /// The ARN of the activity named `name`.
    public nonisolated func arn(name: String) -> String { "arn:aws:states:\(region):\(account):activity:\(name)" }

    /// Creates an activity, or answers the existing one with that name (idempotent, as on AWS).
    public func create(name: String, tags: [String: String] = [:]) async throws -> ActivityRecord {
        guard ExecutionName.isValid(name) else { throw ActivityError.invalidName(name) }
        let record = ActivityRecord(arn: arn(name: name), name: name, creationDate: Date(), tags: tags)
        if let store { return try await store.createActivity(record) }
        if let existing = memory[record.arn] { return existing }
        memory[record.arn] = record
        return record
    }

    /// The activity with this ARN. - Throws: ``ActivityError/doesNotExist(arn:)``.
    public func describe(arn: String) async throws -> ActivityRecord {
        guard let record = try await find(arn) else { throw ActivityError.doesNotExist(arn: arn) }
        return record
    }

    /// Every activity, by name.
    public func list() async throws -> [ActivityRecord] {
        if let store { return try await store.activities() }
        return memory.values.sorted { $0.name < $1.name }
    }

    /// Deletes an activity (deleting a missing one is not an error, as on AWS).
    public func delete(arn: String) async throws {
        if let store { try await store.deleteActivity(arn: arn) } else { memory[arn] = nil }
    }

    /// Whether the activity exists.
    public func exists(_ arn: String) async -> Bool { ((try? await find(arn)) ?? nil) != nil }

    private func find(_ arn: String) async throws -> ActivityRecord? {
        if let store { return try await store.activity(arn: arn) }
        return memory[arn]
    }
}
