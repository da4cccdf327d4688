import Foundation
import Stepwise
import StepwiseStore

extension Engine {
    /// What CreateStateMachine asks for.
    public struct NewStateMachine: Sendable {
        public var name: String
        public var definition: String
        public var roleArn: String
        public var type: StateMachineRecord.Kind = .standard
        public var tags: [String: String] = [:]

        public init(
            name: String, definition: String, roleArn: String, type: StateMachineRecord.Kind = .standard,
            tags: [String: String] = [:]
        ) {
            self.name = name
            self.definition = definition
            self.roleArn = roleArn
            self.type = type
            self.tags = tags
        }
    }

    /// Creates a state machine; idempotent when one with the same name, definition and type exists.
    ///
    /// - Throws: InvalidName, InvalidDefinition (AWS's message), StateMachineAlreadyExists.
    public func createStateMachine(_ request: NewStateMachine) async throws -> StateMachineRecord {
        guard ExecutionName.isValid(request.name) else { throw APIError.invalidName(request.name) }
        try Self.validate(request.definition, type: request.type)
        let arn = stateMachineArn(request.name)
        let now = Date()
        let record = StateMachineRecord(
            name: request.name, arn: arn, definition: request.definition, type: request.type, roleArn: request.roleArn,
            revisionId: Self.newRevisionId(), creationDate: now, tags: request.tags)
        do {
            try await store.createStateMachine(record)
            return record
        } catch let error as StoreError where error.kind == .alreadyExists {
            guard let existing = try await store.stateMachine(arn: arn), existing.definition == request.definition,
                existing.type == request.type
            else { throw APIError.service("StateMachineAlreadyExists", "State Machine Already Exists: '\(arn)'") }
            return existing
        }
    }

    /// Changes a state machine's definition and/or role as a new revision; running executions keep theirs.
    public func updateStateMachine(arn: String, definition: String?, roleArn: String?) async throws -> StateMachineRecord {
        _ = try ResourceARN.stateMachine(arn)
        guard definition != nil || roleArn != nil else {
            throw APIError.service("MissingRequiredParameter", "Either the definition or the roleArn must be specified.")
        }
        let current = try await stateMachine(arn: arn)
        if let definition { try Self.validate(definition, type: current.type) }
        return try await storeCall(notFound: .stateMachineDoesNotExist(arn)) {
            try await store.updateStateMachine(
                arn: arn, definition: definition, roleArn: roleArn,
                revisionId: Self.newRevisionId(), date: Date())
        }
    }

    /// The state machine with this ARN. - Throws: InvalidArn, StateMachineDoesNotExist.
    public func stateMachine(arn: String) async throws -> StateMachineRecord {
        _ = try ResourceARN.stateMachine(arn)
        guard let machine = try await store.stateMachine(arn: arn) else { throw APIError.stateMachineDoesNotExist(arn) }
        return machine
    }

    /// Deletes a state machine; its executions keep running (they carry their definition). Unknown ARNs are fine,
    /// as on AWS.
    public func deleteStateMachine(arn: String) async throws {
        _ = try ResourceARN.stateMachine(arn)
        try await store.deleteStateMachine(arn: arn)
    }

    /// Creates the state machine `name`, or updates it when its stored definition differs (`--workflows DIR`).
    /// - Returns: whether anything changed.
    @discardableResult
    public func register(name: String, definition: String, roleArn: String? = nil) async throws -> Bool {
        let arn = stateMachineArn(name)
        if let existing = try await store.stateMachine(arn: arn) {
            guard existing.definition != definition else { return false }
            _ = try await updateStateMachine(arn: arn, definition: definition, roleArn: nil)
            return true
        }
        _ = try await createStateMachine(NewStateMachine(name: name, definition: definition, roleArn: roleArn ?? runtime.defaultRoleArn))
        return true
    }

    /// Throws InvalidDefinition with AWS's message unless `definition` is valid for `type`.
    static func validate(_ definition: String, type: StateMachineRecord.Kind) throws(APIError) {
        let diagnostics = Validator.validate(text: definition, type: Validator.MachineType(rawValue: type.rawValue) ?? .standard)
        if let message = Validator.invalidDefinitionMessage(for: diagnostics) {
            throw APIError.service("InvalidDefinition", message)
        }
    }

    static func newRevisionId() -> String { UUID().uuidString.lowercased() }
}
