import Foundation
import StepwiseStore

/// The version actions: PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion (and the
/// `publish` of CreateStateMachine and UpdateStateMachine).
extension StepFunctionsService {
    /// At most this many versions per state machine, as on AWS.
    package static let versionLimit = 1_000

    /// Publishes the state machine's current revision as its next version; idempotent per revision (the version
    /// that already froze it is answered, whatever the description).
    ///
    /// - Throws: InvalidArn, StateMachineDoesNotExist (a version's or alias's ARN too), ConflictException (a
    ///   `revisionId` that is not the current revision), ServiceQuotaExceededException (1,000 versions).
    package func publishStateMachineVersion(_ input: PublishStateMachineVersionInput) async throws -> StateMachineVersionRecord {
        let arn = input.stateMachineArn
        _ = try ResourceARN.stateMachine(arn)
        let expects = input.revisionId.map { requested in { @Sendable (current: String) in RevisionID.matches(requested, current) } }
        let request = VersionRequest(description: input.description, date: Date(), limit: Self.versionLimit, expectsRevision: expects)
        return try await publish(arn, request, requested: input.revisionId)
    }

    /// A page of a state machine's versions, newest first (an unknown state machine has none).
    /// - Throws: InvalidArn, InvalidToken.
    package func listStateMachineVersions(_ input: ListStateMachineVersionsInput) async throws -> Page<StateMachineVersionRecord> {
        let arn = input.stateMachineArn
        _ = try ResourceARN.stateMachine(arn)
        return try await storeCall {
            try await store.listStateMachineVersions(arn: arn, maxResults: input.page.maxResults, nextToken: input.page.nextToken)
        }
    }

    /// Deletes a version; its running executions go on. An unknown version is fine, as on AWS.
    ///
    /// - Throws: InvalidArn (not a version's ARN), ConflictException while an alias routes to it.
    package func deleteStateMachineVersion(_ input: DeleteStateMachineVersionInput) async throws {
        let (machineArn, number) = try Self.versionArn(input.stateMachineVersionArn)
        let aliases = try await store.deleteStateMachineVersion(arn: machineArn, number: number)
        guard aliases.isEmpty else {
            throw StepFunctionsError.service(
                "ConflictException",
                "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: "
                    + "[\(aliases.joined(separator: ", "))]")
        }
    }

    /// Publishes per `request` and answers the version; `requested` is the request's `revisionId`, for the message
    /// of a conflict. - Throws: StateMachineDoesNotExist, ConflictException, ServiceQuotaExceededException.
    func publish(_ arn: String, _ request: VersionRequest, requested: String? = nil) async throws -> StateMachineVersionRecord {
        let result = try await storeCall(notFound: .stateMachineDoesNotExist(arn)) { try await store.publishVersion(arn: arn, request) }
        return try Self.version(result, of: arn, requested: requested)
    }

    /// The version a publish answered, or AWS's error for why there is none.
    static func version(_ result: PublishResult, of arn: String, requested: String?) throws(StepFunctionsError) -> StateMachineVersionRecord {
        switch result {
        case .published(let version), .existing(let version):
            return version
        case .staleRevision(let current):
            throw StepFunctionsError.service(
                "ConflictException",
                "Failed to publish the State Machine version for revision \(requested ?? ""). "
                    + "The current State Machine revision is \(RevisionID.named(current)).")
        case .limitReached:
            throw StepFunctionsError.quotaExceeded("versions", limit: versionLimit, of: arn)
        }
    }

    /// The state machine and number of a version's ARN. - Throws: InvalidArn for any other ARN.
    static func versionArn(_ text: String) throws(StepFunctionsError) -> (stateMachineArn: String, number: Int) {
        let target = try QualifiedARN(text)
        guard case .version(let number) = target.qualifier else { throw StepFunctionsError.invalidArn("Not a state machine version ARN: \(text)") }
        return (target.stateMachineArn, number)
    }
}

extension StepFunctionsError {
    /// ServiceQuotaExceededException: a state machine has as many versions or aliases as AWS allows.
    static func quotaExceeded(_ things: String, limit: Int, of arn: String) -> StepFunctionsError {
        service(
            "ServiceQuotaExceededException",
            "The state machine '\(arn)' already has \(limit) \(things), the most allowed; delete unused \(things) to make room.")
    }
}
