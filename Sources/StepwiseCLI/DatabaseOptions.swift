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
            throw FileError(message: "\(path): \(error.message)")
        } catch {
            throw FileError(message: "\(path): \(error)")
        }
    }

    /// Records the state machine (a new revision when its definition changed) and returns its ARN.
    static func register(_ machine: StateMachine, definition: String, in store: Store, runtime: Runtime) async throws -> String {
        let arn = runtime.stateMachineArn(machine.name)
        if let existing = try await store.stateMachine(arn: arn) {
            if existing.definition != definition {
                _ = try await store.updateStateMachine(arn: arn, definition: definition, revisionId: UUID().uuidString.lowercased(), date: Date())
            }
            return arn
        }
        try await store.createStateMachine(StateMachineRecord(
            name: machine.name, arn: arn, definition: definition, roleArn: runtime.defaultRoleArn, revisionId: UUID().uuidString.lowercased(),
            creationDate: Date()))
        return arn
    }
}
