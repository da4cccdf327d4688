import Foundation
import StepwiseStore

/// The alias actions: CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
/// DeleteStateMachineAlias, ListStateMachineAliases.
extension StepFunctionsService {
    /// At most this many aliases per state machine, as on AWS.
    package static let aliasLimit = 100

    /// Creates an alias that routes starts to one or two versions of one state machine; idempotent for the same
    /// name, description and routing.
    ///
    /// - Throws: ValidationException (the name's pattern; the routing, in AWS's words), ResourceNotFound (a version
    ///   that does not exist), ConflictException (the name taken with another description or routing),
    ///   ServiceQuotaExceededException (100 aliases).
    package func createStateMachineAlias(_ input: CreateStateMachineAliasInput) async throws -> StateMachineAliasRecord {
        try Self.checkAliasName(input.name)
        let (machineArn, routes) = try Self.routing(input.routingConfiguration)
        let now = Date()
        let alias = StateMachineAliasRecord(
            stateMachineArn: machineArn, name: input.name, description: input.description, routing: routes, creationDate: now, updateDate: now)
        return try Self.alias(try await store.createStateMachineAlias(alias, limit: Self.aliasLimit), of: machineArn)
    }

    /// DescribeStateMachineAlias. - Throws: InvalidArn, ResourceNotFound.
    package func describeStateMachineAlias(_ input: StateMachineAliasInput) async throws -> StateMachineAliasRecord {
        let arn = try Self.aliasTarget(input.stateMachineAliasArn).text
        guard let alias = try await store.stateMachineAlias(arn: arn) else { throw StepFunctionsError.noSuchResource(arn) }
        return alias
    }

    /// Changes an alias's description and/or routing (versions of the same state machine); answers the alias.
    ///
    /// - Throws: InvalidArn, ValidationException (neither member; the routing), ResourceNotFound (the alias or a
    ///   version).
    package func updateStateMachineAlias(_ input: UpdateStateMachineAliasInput) async throws -> StateMachineAliasRecord {
        let target = try Self.aliasTarget(input.stateMachineAliasArn)
        guard input.description != nil || input.routingConfiguration != nil else {
            throw StepFunctionsError.validation(
                "Either the description or the routingConfiguration must be specified", reason: "MISSING_REQUIRED_PARAMETER")
        }
        let routes = try input.routingConfiguration.map { items throws(StepFunctionsError) in
            let (machineArn, routes) = try Self.routing(items)
            guard machineArn == target.stateMachineArn else { throw Self.invalidRouting("must contain versions of the alias's state machine", items) }
            return routes
        }
        let change = try await storeCall(notFound: .noSuchResource(target.text)) {
            try await store.updateStateMachineAlias(arn: target.text, description: input.description, routing: routes, date: Date())
        }
        return try Self.alias(change, of: target.stateMachineArn)
    }

    /// Deletes an alias; its versions stay. An unknown alias is fine, as on AWS. - Throws: InvalidArn.
    package func deleteStateMachineAlias(_ input: StateMachineAliasInput) async throws {
        try await store.deleteStateMachineAlias(arn: try Self.aliasTarget(input.stateMachineAliasArn).text)
    }

    /// A page of a state machine's aliases, oldest first; for a version's ARN, the aliases that route to it.
    ///
    /// - Throws: InvalidArn, StateMachineDoesNotExist, ResourceNotFound (an unknown version), InvalidToken.
    package func listStateMachineAliases(_ input: ListStateMachineAliasesInput) async throws -> Page<StateMachineAliasRecord> {
        let target = try QualifiedARN(input.stateMachineArn)
        let machine = try await stateMachine(of: target)
        var version: Int?
        switch target.qualifier {
        case .none:
            version = nil
        case .version(let number):
            guard try await store.stateMachineVersion(arn: machine.arn, number: number) != nil else {
                throw StepFunctionsError.noSuchResource(target.text)
            }
            version = number
        case .alias:
            throw StepFunctionsError.invalidArn("Not a state machine or version ARN: \(target.text)")
        }
        return try await storeCall {
            try await store.listStateMachineAliases(
                arn: machine.arn, version: version, maxResults: input.page.maxResults, nextToken: input.page.nextToken)
        }
    }
}

extension StepFunctionsService {
    /// The pattern of alias names: letters, digits, `_`, `-` and `.`, at least one of them not a digit.
    package static func checkAliasName(_ name: String) throws(StepFunctionsError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)) }
        guard allowed, !name.isEmpty, !name.allSatisfy(\.isASCIIDigit) else {
            throw StepFunctionsError.validation(
                #"Value '\#(name)' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$"#
            )
        }
    }

    /// The state machine and routes of a `routingConfiguration`, checked as AWS checks it: distinct version ARNs
    /// of one state machine, weights summing to 100 (the 1–2 items and 0–100 weights are shape constraints).
    static func routing(_ items: [RoutingConfigurationItem]) throws(StepFunctionsError) -> (String, [StateMachineAliasRecord.Route]) {
        let arns = items.map(\.stateMachineVersionArn)
        guard Set(arns).count == arns.count else { throw invalidRouting("must contain distinct state machine version ARNs", items) }
        var versions: [(stateMachineArn: String, number: Int)] = []
        for arn in arns {
            guard let version = try? versionArn(arn) else { throw invalidRouting("must contain state machine version ARNs", items) }
            versions.append(version)
        }
        let weights = items.map(\.weight)
        guard weights.reduce(0, +) == 100 else {
            throw StepFunctionsError.validation(
                "Sum of routing configuration weights must equal 100. Received: [\(weights.map(String.init).joined(separator: ", "))]",
                reason: "INVALID_ROUTING_CONFIGURATION")
        }
        let machine = versions.first?.stateMachineArn ?? ""
        guard versions.allSatisfy({ $0.stateMachineArn == machine }) else {
            throw invalidRouting("must contain versions of the same state machine", items)
        }
        return (machine, zip(versions, weights).map { StateMachineAliasRecord.Route(version: $0.number, weight: $1) })
    }

    /// A routing configuration AWS refuses: "Routing configuration <rule>. Received: [<the version ARNs>]".
    static func invalidRouting(_ rule: String, _ items: [RoutingConfigurationItem]) -> StepFunctionsError {
        StepFunctionsError.validation(
            "Routing configuration \(rule). Received: [\(items.map(\.stateMachineVersionArn).joined(separator: ", "))]",
            reason: "INVALID_ROUTING_CONFIGURATION")
    }

    /// An alias's ARN, parsed. - Throws: InvalidArn for any other ARN.
    static func aliasTarget(_ text: String) throws(StepFunctionsError) -> QualifiedARN {
        let target = try QualifiedARN(text)
        guard case .alias = target.qualifier else { throw StepFunctionsError.invalidArn("Not a state machine alias ARN: \(text)") }
        return target
    }

    /// The alias a create or an update saved (or found), or AWS's error for why there is none.
    static func alias(_ change: AliasChange, of machineArn: String) throws(StepFunctionsError) -> StateMachineAliasRecord {
        switch change {
        case .saved(let alias), .existing(let alias):
            return alias
        case .conflict:
            throw StepFunctionsError.service(
                "ConflictException",
                "Failed to create alias because an alias with the same name and a different routing configuration already exists.")
        case .limitReached:
            throw StepFunctionsError.quotaExceeded("aliases", limit: aliasLimit, of: machineArn)
        case .missingVersion(let number):
            throw StepFunctionsError.noSuchResource(QualifiedARN.version(number, of: machineArn))
        }
    }
}
