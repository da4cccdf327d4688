import Foundation
import JSON
import Stepwise
import StepwiseStore

/// Opening the `--db` database for a command, with a one-line error for a bad file.
enum DatabaseOptions {
    static func open(_ path: String, readOnly: Bool = false) async throws(FileError) -> Store {
        do {
            return try await Store(path: path, options: Store.Options(readOnly: readOnly))
        } catch let error as StoreError {
            throw FileError(message: message(for: error, readOnly: readOnly))
        } catch {
            throw FileError(message: "\(path): \(error)")
        }
    }

    /// What a command line user reads for a database that cannot be opened: the store's finding, and what to
    /// do about it with the CLI (the store's own advice is for library users).
    static func message(for error: StoreError, readOnly: Bool) -> String {
        switch error.kind {
        case .readOnly where !readOnly:
            "\(error.message): this command records executions in it, so the file and its directory must be writable; "
                + "`stepwise executions --db` and `stepwise history --db` can read it as it is"
        case .notADatabase, .foreignDatabase: "\(error.message); the file was left untouched"
        case .newerSchema: "\(error.message); use that newer stepwise (the file was left untouched)"
        case .inUse: "\(error.message); stop it or let it finish (reading with `stepwise executions` or `history` works meanwhile)"
        default: error.message
        }
    }

    /// Records the state machine (a new revision when its definition changed); answers its ARN and the revision
    /// that runs `definition`.
    static func register(
        _ machine: StateMachine, definition: String, in store: Store, runtime: Runtime
    ) async throws -> (arn: String, revisionId: String) {
        let arn = runtime.stateMachineArn(machine.name)
        if let existing = try await store.stateMachine(arn: arn) {
            guard existing.definition != definition else { return (arn, existing.revisionId) }
            let updated = try await store.updateStateMachine(
                arn: arn, definition: definition, revisionId: UUID().uuidString.lowercased(), date: Date())
            return (arn, updated.revisionId)
        }
        let revisionId = UUID().uuidString.lowercased()
        try await store.createStateMachine(
            StateMachineRecord(
                name: machine.name, arn: arn, definition: definition, roleArn: runtime.defaultRoleArn, revisionId: revisionId,
                creationDate: Date()))
        return (arn, revisionId)
    }
}
