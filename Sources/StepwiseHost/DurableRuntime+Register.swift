import Foundation
import Stepwise
import StepwiseStore

extension DurableRuntime {
    /// Records the state machine that runs `definition` (already parsed as `machine`), as `stepwise run --db` and
    /// the migration example do before a start: created when new, a new revision when its definition changed.
    /// Answers its ARN and the revision that runs `definition`.
    package func registerStateMachine(_ machine: StateMachine, definition: String) async throws -> (arn: String, revisionId: String) {
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
                name: machine.name, arn: arn, definition: definition, roleArn: runtime.defaultRoleArn, revisionId: revisionId, creationDate: Date()))
        return (arn, revisionId)
    }
}
