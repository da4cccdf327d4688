import Foundation
import StatesLanguage
import StepwiseStore

/// The definition actions: DescribeStateMachineForExecution and ValidateStateMachineDefinition.
extension StepFunctionsService {
    /// The revision of the state machine an execution runs: its definition as the execution started with it, and
    /// the role and date of that revision (of the state machine when the revision is gone, of the execution when
    /// the state machine is gone too).
    ///
    /// - Throws: InvalidArn, ExecutionDoesNotExist.
    package func describeStateMachineForExecution(
        _ input: DescribeStateMachineForExecutionInput
    ) async throws -> DescribeStateMachineForExecutionOutput {
        let execution = try await execution(arn: input.executionArn)
        let machine = try await store.stateMachine(arn: execution.stateMachineArn)
        var revision: StateMachineRevision?
        if let revisionId = execution.revisionId {
            revision = try await store.stateMachineRevision(arn: execution.stateMachineArn, revisionId: revisionId)
        }
        return DescribeStateMachineForExecutionOutput(
            stateMachineArn: execution.stateMachineArn,
            name: machine?.name ?? execution.stateMachineArn.split(separator: ":").last.map(String.init) ?? "",
            definition: execution.definition, roleArn: revision?.roleArn ?? machine?.roleArn ?? runtime.defaultRoleArn,
            updateDate: revision?.creationDate ?? machine?.updateDate ?? machine?.creationDate ?? execution.startDate,
            revisionId: RevisionID.shown(execution.revisionId),
            configuration: Self.answered(revision?.configuration ?? machine?.configuration ?? [:]), mapRunArn: execution.mapRunArn,
            label: execution.mapRunArn.flatMap(Self.mapRunLabel))
    }

    /// The label of the Distributed Map that a Map Run belongs to: `…:mapRun:<machine>/<label>:<id>`.
    static func mapRunLabel(_ mapRunArn: String) -> String? {
        guard let arn = try? ResourceARN.mapRun(mapRunArn), let slash = arn.names[0].firstIndex(of: "/") else { return nil }
        return String(arn.names[0][arn.names[0].index(after: slash)...])
    }

    /// ValidateStateMachineDefinition: the definition's diagnostics (a FAIL result is an answer, not an error).
    package static func validateStateMachineDefinition(_ input: ValidateStateMachineDefinitionInput) -> ValidationReport {
        var report = ValidationReport(Validator.validate(text: input.definition, type: input.type))
        report.includeWarnings = input.includeWarnings
        report.maxResults = input.maxResults
        return report
    }
}
