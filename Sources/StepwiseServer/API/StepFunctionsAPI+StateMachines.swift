import Foundation
import JSON
import StepFunctions
import StepwiseStore

/// The state machine actions.
extension StepFunctionsAPI {
    static let nameLength = 80
    static let arnLength = 256
    static let definitionLength = 1_048_576
    /// Version and alias descriptions.
    static let descriptionLength = 256
    static let pageSize = 0...1000

    static func createStateMachine(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let name = try request.required("name", max: nameLength)
        let definition = try request.required("definition", max: definitionLength)
        let roleArn = try request.required("roleArn", max: arnLength)
        let type = try request.choice("type", ["STANDARD", "EXPRESS"]).flatMap(StateMachineRecord.Kind.init) ?? .standard
        let tags = try self.tags(request, resourceName: service.stateMachineArn(name))
        var input = CreateStateMachineInput(
            name: name, definition: definition, roleArn: roleArn, type: type, tags: tags ?? [:], publish: try request.bool("publish") ?? false,
            versionDescription: try request.string("versionDescription", max: descriptionLength))
        input.configuration = try configuration(request)
        let created = try await service.createStateMachine(input)
        var output: JSONObject = [
            "stateMachineArn": .string(created.stateMachine.arn), "creationDate": created.stateMachine.creationDate.epochJSON,
        ]
        if let version = created.stateMachineVersionArn { output["stateMachineVersionArn"] = .string(version) }
        return .object(output)
    }

    static func updateStateMachine(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        var input = UpdateStateMachineInput(
            stateMachineArn: try request.required("stateMachineArn", max: arnLength),
            definition: try request.string("definition", min: 1, max: definitionLength),
            roleArn: try request.string("roleArn", min: 1, max: arnLength), publish: try request.bool("publish") ?? false,
            versionDescription: try request.string("versionDescription", max: descriptionLength))
        input.configuration = try configuration(request)
        let updated = try await service.updateStateMachine(input)
        var output: JSONObject = ["updateDate": updated.updateDate.epochJSON]
        if let revisionId = updated.revisionId { output["revisionId"] = .string(revisionId) }
        if let version = updated.stateMachineVersionArn { output["stateMachineVersionArn"] = .string(version) }
        return .object(output)
    }

    static func describeStateMachine(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineArn", max: arnLength)
        let metadataOnly = try metadataOnly(request)
        let machine = try await service.describeStateMachine(DescribeStateMachineInput(stateMachineArn: arn))
        var output: JSONObject = [
            "stateMachineArn": .string(machine.stateMachineArn), "name": .string(machine.name), "status": .string(machine.status.rawValue),
            "definition": .string(metadataOnly ? "{}" : machine.definition), "roleArn": .string(machine.roleArn),
            "type": .string(machine.type.rawValue), "creationDate": machine.creationDate.epochJSON,
        ]
        for (key, value) in machine.configuration { output[key] = value }
        if let revisionId = machine.revisionId { output["revisionId"] = .string(revisionId) }
        if let description = machine.description { output["description"] = .string(description) }
        if !metadataOnly, let references = variableReferences(machine.definition) { output["variableReferences"] = references }
        return .object(output)
    }

    static func describeStateMachineForExecution(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let metadataOnly = try metadataOnly(request)
        let machine = try await service.describeStateMachineForExecution(DescribeStateMachineForExecutionInput(executionArn: arn))
        var output: JSONObject = [
            "stateMachineArn": .string(machine.stateMachineArn), "name": .string(machine.name),
            "definition": .string(metadataOnly ? "{}" : machine.definition), "roleArn": .string(machine.roleArn),
            "updateDate": machine.updateDate.epochJSON,
        ]
        for (key, value) in machine.configuration { output[key] = value }
        if let revisionId = machine.revisionId { output["revisionId"] = .string(revisionId) }
        if let mapRunArn = machine.mapRunArn { output["mapRunArn"] = .string(mapRunArn) }
        if let label = machine.label { output["label"] = .string(label) }
        if !metadataOnly, let references = variableReferences(machine.definition) { output["variableReferences"] = references }
        return .object(output)
    }

    static func listStateMachines(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        let page = try await service.listStateMachines(try pageRequest(request, tokenLength: 1024))
        let items = page.items.map { machine -> JSON in
            [
                "stateMachineArn": .string(machine.arn), "name": .string(machine.name), "type": .string(machine.type.rawValue),
                "creationDate": machine.creationDate.epochJSON,
            ]
        }
        return paged("stateMachines", items, page.nextToken)
    }

    static func deleteStateMachine(_ service: StepFunctionsService, _ request: Members) async throws -> JSON {
        try await service.deleteStateMachine(DeleteStateMachineInput(stateMachineArn: try request.required("stateMachineArn", max: arnLength)))
        return [:]
    }

    /// The `maxResults` and `nextToken` members of a listing.
    static func pageRequest(_ request: Members, tokenLength: Int) throws(StepFunctionsError) -> PageRequest {
        PageRequest(maxResults: try request.int("maxResults", pageSize) ?? 0, nextToken: try request.string("nextToken", min: 1, max: tokenLength))
    }

    /// A list response: `{<key>: [...], nextToken?}`.
    static func paged(_ key: String, _ items: [JSON], _ nextToken: String?) -> JSON {
        var object: JSONObject = [key: .array(items)]
        if let nextToken { object["nextToken"] = .string(nextToken) }
        return .object(object)
    }
}
