import Foundation
import StatesLanguage
import Stepwise
import StepwiseStore

/// The state machine actions: CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
/// DeleteStateMachine (and the workflows directory's register).
extension StepFunctionsService {
    /// Creates a state machine; idempotent when one with the same name, definition and type exists.
    ///
    /// - Throws: InvalidName, InvalidDefinition (AWS's message), StateMachineAlreadyExists.
    package func createStateMachine(_ input: CreateStateMachineInput) async throws -> StateMachineRecord {
        guard ExecutionName.isValid(input.name) else { throw StepFunctionsError.invalidName(input.name) }
        try Self.validate(input.definition, type: input.type)
        let arn = stateMachineArn(input.name)
        let record = StateMachineRecord(
            name: input.name, arn: arn, definition: input.definition, type: input.type, roleArn: input.roleArn,
            revisionId: Self.newRevisionId(), creationDate: Date(), tags: input.tags)
        do {
            try await store.createStateMachine(record)
            return record
        } catch let error as StoreError where error.kind == .alreadyExists {
            guard let existing = try await store.stateMachine(arn: arn), existing.definition == input.definition,
                existing.type == input.type
            else { throw StepFunctionsError.service("StateMachineAlreadyExists", "State Machine Already Exists: '\(arn)'") }
            return existing
        }
    }

    /// Changes a state machine's definition and/or role as a new revision; running executions keep theirs.
    ///
    /// - Throws: InvalidArn, MissingRequiredParameter, StateMachineDoesNotExist, InvalidDefinition.
    package func updateStateMachine(_ input: UpdateStateMachineInput) async throws -> StateMachineRecord {
        let arn = input.stateMachineArn
        _ = try ResourceARN.stateMachine(arn)
        guard input.definition != nil || input.roleArn != nil else {
            throw StepFunctionsError.service("MissingRequiredParameter", "Either the definition or the roleArn must be specified.")
        }
        let current = try await stateMachine(arn: arn)
        if let definition = input.definition { try Self.validate(definition, type: current.type) }
        return try await storeCall(notFound: .stateMachineDoesNotExist(arn)) {
            try await store.updateStateMachine(
                arn: arn, definition: input.definition, roleArn: input.roleArn, revisionId: Self.newRevisionId(), date: Date())
        }
    }

    /// DescribeStateMachine. - Throws: InvalidArn, StateMachineDoesNotExist.
    package func describeStateMachine(_ input: DescribeStateMachineInput) async throws -> StateMachineRecord {
        try await stateMachine(arn: input.stateMachineArn)
    }

    /// The state machine with this ARN. - Throws: InvalidArn, StateMachineDoesNotExist.
    func stateMachine(arn: String) async throws -> StateMachineRecord {
        _ = try ResourceARN.stateMachine(arn)
        guard let machine = try await store.stateMachine(arn: arn) else { throw StepFunctionsError.stateMachineDoesNotExist(arn) }
        return machine
    }

    /// A page of state machines (ListStateMachines). - Throws: InvalidToken.
    package func listStateMachines(_ input: ListStateMachinesInput) async throws -> Page<StateMachineRecord> {
        try await storeCall { try await store.listStateMachines(maxResults: input.maxResults, nextToken: input.nextToken) }
    }

    /// Deletes a state machine; its executions keep running (they carry their definition). Unknown ARNs are fine,
    /// as on AWS. - Throws: InvalidArn.
    package func deleteStateMachine(_ input: DeleteStateMachineInput) async throws {
        _ = try ResourceARN.stateMachine(input.stateMachineArn)
        try await store.deleteStateMachine(arn: input.stateMachineArn)
    }

    /// Creates the state machine `name`, or updates it when its stored definition differs (`--workflows DIR`).
    /// - Returns: whether anything changed.
    @discardableResult
    package func register(name: String, definition: String, roleArn: String? = nil) async throws -> Bool {
        let arn = stateMachineArn(name)
        if let existing = try await store.stateMachine(arn: arn) {
            guard existing.definition != definition else { return false }
            _ = try await updateStateMachine(UpdateStateMachineInput(stateMachineArn: arn, definition: definition))
            return true
        }
        _ = try await createStateMachine(CreateStateMachineInput(name: name, definition: definition, roleArn: roleArn ?? runtime.defaultRoleArn))
        return true
    }

    /// Throws InvalidDefinition with AWS's message unless `definition` is valid for `type`.
    static func validate(_ definition: String, type: StateMachineRecord.Kind) throws(StepFunctionsError) {
        let diagnostics = Validator.validate(text: definition, type: Validator.MachineType(rawValue: type.rawValue) ?? .standard)
        if let message = Validator.invalidDefinitionMessage(for: diagnostics) {
            throw StepFunctionsError.service("InvalidDefinition", message)
        }
    }

    static func newRevisionId() -> String { UUID().uuidString.lowercased() }
}
