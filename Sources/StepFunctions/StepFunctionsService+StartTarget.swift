import StepwiseStore

/// What a start by a state machine's, a version's or an alias's ARN runs.
struct StartTarget {
    /// The state machine as the execution runs it: its current revision, or the version's definition, role and
    /// revision.
    var machine: StateMachineRecord
    var versionArn: String?
    var aliasArn: String?
}

extension StepFunctionsService {
    /// Resolves the ARN a start names: the state machine's current revision, a version, or the version an alias
    /// picks by weight (``VersionRouter``).
    ///
    /// - Throws: InvalidArn; StateMachineDoesNotExist naming the ARN as given (an unknown state machine, version
    ///   or alias).
    func startTarget(_ arn: String) async throws -> StartTarget {
        let target = try QualifiedARN(arn)
        let machine = try await stateMachine(of: target)
        let number: Int
        var aliasArn: String?
        switch target.qualifier {
        case .none:
            return StartTarget(machine: machine)
        case .version(let version):
            number = version
        case .alias:
            guard let alias = try await store.stateMachineAlias(arn: arn) else { throw StepFunctionsError.stateMachineDoesNotExist(arn) }
            number = router.pick(alias.routing)
            aliasArn = alias.arn
        }
        guard let version = try await store.stateMachineVersion(arn: machine.arn, number: number) else {
            throw StepFunctionsError.stateMachineDoesNotExist(arn)
        }
        var running = machine
        running.definition = version.definition
        running.roleArn = version.roleArn
        running.revisionId = version.revisionId
        return StartTarget(machine: running, versionArn: version.arn, aliasArn: aliasArn)
    }
}
