import Foundation
import StatesLanguage
import Stepwise
import StepwiseStore

/// The state machine actions: CreateStateMachine, UpdateStateMachine, DescribeStateMachine, ListStateMachines,
/// DeleteStateMachine (and the workflows directory's register).
extension StepFunctionsService {
    /// Creates a state machine; idempotent when one with the same name, definition, type and configurations (as
    /// answered, AWS's defaults filled in) exists. With
    /// `publish`, its first revision is published as version 1 (a repeated create answers that version).
    ///
    /// - Throws: InvalidName, InvalidDefinition (AWS's message), StateMachineAlreadyExists, ValidationException
    ///   (a version description without `publish`).
    package func createStateMachine(_ input: CreateStateMachineInput) async throws -> CreateStateMachineOutput {
        try Self.checkPublish(input.publish, description: input.versionDescription)
        guard ExecutionName.isValid(input.name) else { throw StepFunctionsError.invalidName(input.name) }
        try Self.validate(input.definition, type: input.type)
        let configuration = try Self.configuration(input.configuration)
        let arn = stateMachineArn(input.name)
        var machine = StateMachineRecord(
            name: input.name, arn: arn, definition: input.definition, type: input.type, roleArn: input.roleArn,
            revisionId: RevisionID.initial(), creationDate: Date(), tags: input.tags)
        machine.configuration = configuration
        do {
            try await store.createStateMachine(machine)
        } catch let error as StoreError where error.kind == .alreadyExists {
            guard let existing = try await store.stateMachine(arn: arn), existing.definition == input.definition,
                existing.type == input.type, Self.answered(existing.configuration) == Self.answered(configuration)
            else { throw StepFunctionsError.service("StateMachineAlreadyExists", "State Machine Already Exists: '\(arn)'") }
            machine = existing
        }
        guard input.publish else { return CreateStateMachineOutput(stateMachine: machine, stateMachineVersionArn: nil) }
        let version = try await publish(
            arn, VersionRequest(description: input.versionDescription, date: machine.creationDate, limit: Self.versionLimit))
        return CreateStateMachineOutput(stateMachine: machine, stateMachineVersionArn: version.arn)
    }

    /// Changes a state machine's definition and/or role as a new revision (running executions keep theirs); the
    /// same definition and role again keep the current revision, as on AWS. With `publish`, the resulting
    /// revision is published (or its version answered, when it has one).
    ///
    /// A changed logging, tracing or encryption configuration is a new revision too (a version freezes them).
    ///
    /// - Throws: InvalidArn, MissingRequiredParameter, StateMachineDoesNotExist (a version's or alias's ARN too),
    ///   InvalidDefinition, ValidationException, ServiceQuotaExceededException, Invalid…Configuration.
    package func updateStateMachine(_ input: UpdateStateMachineInput) async throws -> UpdateStateMachineOutput {
        let arn = input.stateMachineArn
        _ = try ResourceARN.stateMachine(arn)
        guard input.definition != nil || input.roleArn != nil || !input.configuration.isEmpty else {
            throw StepFunctionsError.service(
                "MissingRequiredParameter",
                "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified")
        }
        try Self.checkPublish(input.publish, description: input.versionDescription)
        let configuration = try Self.configuration(input.configuration)
        let current = try await stateMachine(arn: arn)
        if let definition = input.definition { try Self.validate(definition, type: current.type) }
        let now = Date()
        let request = input.publish ? VersionRequest(description: input.versionDescription, date: now, limit: Self.versionLimit) : nil
        let (machine, published) = try await storeCall(notFound: .stateMachineDoesNotExist(arn)) {
            try await store.updateStateMachine(
                arn: arn, definition: input.definition, roleArn: input.roleArn, configuration: configuration, newRevisionId: RevisionID.next(),
                date: now, publish: request)
        }
        let version = try published.map { result throws(StepFunctionsError) in try Self.version(result, of: arn, requested: nil) }
        return UpdateStateMachineOutput(updateDate: now, revisionId: RevisionID.shown(machine.revisionId), stateMachineVersionArn: version?.arn)
    }

    /// DescribeStateMachine: a state machine, or one of its versions. - Throws: InvalidArn, StateMachineDoesNotExist.
    package func describeStateMachine(_ input: DescribeStateMachineInput) async throws -> DescribeStateMachineOutput {
        let target = try QualifiedARN(input.stateMachineArn)
        let machine = try await stateMachine(of: target)
        switch target.qualifier {
        case .none:
            return DescribeStateMachineOutput(
                stateMachineArn: machine.arn, name: machine.name, status: machine.status, definition: machine.definition,
                roleArn: machine.roleArn, type: machine.type, creationDate: machine.creationDate, revisionId: RevisionID.shown(machine.revisionId),
                configuration: Self.answered(machine.configuration))
        case .version(let number):
            guard let version = try await store.stateMachineVersion(arn: machine.arn, number: number) else {
                throw StepFunctionsError.stateMachineDoesNotExist(target.text)
            }
            return DescribeStateMachineOutput(
                stateMachineArn: version.arn, name: machine.name, status: machine.status, definition: version.definition,
                roleArn: version.roleArn, type: machine.type, creationDate: version.creationDate,
                revisionId: RevisionID.shown(version.revisionId), description: version.description,
                configuration: Self.answered(version.configuration))
        case .alias:
            throw StepFunctionsError.stateMachineDoesNotExist(target.text)
        }
    }

    /// The state machine a qualified ARN names. - Throws: StateMachineDoesNotExist naming the ARN as given.
    func stateMachine(of target: QualifiedARN) async throws -> StateMachineRecord {
        guard let machine = try await store.stateMachine(arn: target.stateMachineArn) else {
            throw StepFunctionsError.stateMachineDoesNotExist(target.text)
        }
        return machine
    }

    /// The state machine with this ARN. - Throws: InvalidArn, StateMachineDoesNotExist.
    package func stateMachine(arn: String) async throws -> StateMachineRecord {
        _ = try ResourceARN.stateMachine(arn)
        guard let machine = try await store.stateMachine(arn: arn) else { throw StepFunctionsError.stateMachineDoesNotExist(arn) }
        return machine
    }

    /// A page of state machines (ListStateMachines). - Throws: InvalidToken.
    package func listStateMachines(_ input: ListStateMachinesInput) async throws -> Page<StateMachineRecord> {
        try await storeCall { try await store.listStateMachines(maxResults: input.maxResults, nextToken: input.nextToken) }
    }

    /// Deletes a state machine with its versions and aliases, as AWS does; its executions keep running (they carry
    /// their definition). Unknown ARNs are fine, as on AWS.
    ///
    /// - Throws: InvalidArn; ValidationException for a version's or an alias's ARN (DeleteStateMachineVersion and
    ///   DeleteStateMachineAlias delete those).
    package func deleteStateMachine(_ input: DeleteStateMachineInput) async throws {
        let target = try QualifiedARN(input.stateMachineArn)
        guard target.qualifier == .none else {
            throw StepFunctionsError.invalid(
                "DeleteStateMachine deletes a state machine, not a version or an alias: '\(target.text)'. "
                    + "Use DeleteStateMachineVersion or DeleteStateMachineAlias.")
        }
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

    /// Throws ValidationException, in AWS's words, for a version description without `publish`.
    static func checkPublish(_ publish: Bool, description: String?) throws(StepFunctionsError) {
        if description != nil, !publish { throw StepFunctionsError.invalid("Version description can only be set when publish is true") }
    }

    /// Throws InvalidDefinition with AWS's message unless `definition` is valid for `type`.
    static func validate(_ definition: String, type: StateMachineRecord.Kind) throws(StepFunctionsError) {
        let diagnostics = Validator.validate(text: definition, type: Validator.MachineType(rawValue: type.rawValue) ?? .standard)
        if let message = Validator.invalidDefinitionMessage(for: diagnostics) {
            throw StepFunctionsError.service("InvalidDefinition", message)
        }
    }
}
