import JSON
import StepFunctions
import StepwiseStore

/// The version and alias actions.
extension StepFunctionsAPI {
    static func publishStateMachineVersion(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = PublishStateMachineVersionInput(
            stateMachineArn: try request.required("stateMachineArn", max: arnLength), revisionId: try request.string("revisionId"),
            description: try request.string("description", max: descriptionLength))
        let version = try await service.publishStateMachineVersion(input)
        return ["stateMachineVersionArn": .string(version.arn), "creationDate": version.creationDate.epochJSON]
    }

    static func listStateMachineVersions(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = ListStateMachineVersionsInput(
            stateMachineArn: try request.required("stateMachineArn", max: arnLength), page: try pageRequest(request, tokenLength: 1024))
        let page = try await service.listStateMachineVersions(input)
        let items = page.items.map { version -> JSON in
            ["stateMachineVersionArn": .string(version.arn), "creationDate": version.creationDate.epochJSON]
        }
        return paged("stateMachineVersions", items, page.nextToken)
    }

    static func deleteStateMachineVersion(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineVersionArn", max: longArnLength)
        try await service.deleteStateMachineVersion(DeleteStateMachineVersionInput(stateMachineVersionArn: arn))
        return [:]
    }

    static func createStateMachineAlias(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let description = try request.string("description", max: descriptionLength)
        let name = try request.required("name", max: nameLength)
        guard let routing = try routingConfiguration(request) else { throw Members.missing("routingConfiguration") }
        let alias = try await service.createStateMachineAlias(
            CreateStateMachineAliasInput(name: name, description: description, routingConfiguration: routing))
        return ["stateMachineAliasArn": .string(alias.arn), "creationDate": alias.creationDate.epochJSON]
    }

    static func describeStateMachineAlias(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineAliasArn", max: arnLength)
        let alias = try await service.describeStateMachineAlias(StateMachineAliasInput(stateMachineAliasArn: arn))
        var output: JSONObject = [
            "stateMachineAliasArn": .string(alias.arn), "name": .string(alias.name),
            "routingConfiguration": .array(
                alias.routing.map { ["stateMachineVersionArn": .string("\(alias.stateMachineArn):\($0.version)"), "weight": .int($0.weight)] }),
            "creationDate": alias.creationDate.epochJSON, "updateDate": alias.updateDate.epochJSON,
        ]
        if let description = alias.description { output["description"] = .string(description) }
        return .object(output)
    }

    static func updateStateMachineAlias(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = UpdateStateMachineAliasInput(
            stateMachineAliasArn: try request.required("stateMachineAliasArn", max: arnLength),
            description: try request.string("description", max: descriptionLength), routingConfiguration: try routingConfiguration(request))
        let alias = try await service.updateStateMachineAlias(input)
        return ["updateDate": alias.updateDate.epochJSON]
    }

    static func deleteStateMachineAlias(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineAliasArn", max: arnLength)
        try await service.deleteStateMachineAlias(StateMachineAliasInput(stateMachineAliasArn: arn))
        return [:]
    }

    static func listStateMachineAliases(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let input = ListStateMachineAliasesInput(
            stateMachineArn: try request.required("stateMachineArn", max: arnLength), page: try pageRequest(request, tokenLength: 1024))
        let page = try await service.listStateMachineAliases(input)
        let items = page.items.map { alias -> JSON in ["stateMachineAliasArn": .string(alias.arn), "creationDate": alias.creationDate.epochJSON] }
        return paged("stateMachineAliases", items, page.nextToken)
    }

    /// A `routingConfiguration` member: 1–2 `{stateMachineVersionArn, weight}` with weights 0–100, in coral's
    /// words when it is not (the list rendered as AWS's Java renders it).
    static func routingConfiguration(_ request: Members) throws(StepFunctionsError) -> [RoutingConfigurationItem]? {
        guard let list = try request.structures("routingConfiguration") else { return nil }
        var items: [RoutingConfigurationItem] = []
        for item in list {
            let arn = try item.required("stateMachineVersionArn", max: arnLength)
            guard let weight = try item.int("weight", 0...100) else { throw Members.missing(item.path + "weight") }
            items.append(RoutingConfigurationItem(stateMachineVersionArn: arn, weight: weight))
        }
        guard (1...2).contains(items.count) else {
            let text = items.map { "RoutingConfigurationListItem(stateMachineVersionArn=\($0.stateMachineVersionArn), weight=\($0.weight))" }
            let bound = items.isEmpty ? "greater than or equal to 1" : "less than or equal to 2"
            throw StepFunctionsError.validation(
                "Value '[\(text.joined(separator: ", "))]' at 'routingConfiguration' failed to satisfy constraint: Member must have length \(bound)")
        }
        return items
    }
}
