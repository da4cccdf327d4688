import Foundation
import JSON
import StepwiseStore

/// The state machine actions.
extension StepFunctionsAPI {
    static let nameLength = 80
    static let arnLength = 256
    static let definitionLength = 1_048_576
    static let pageSize = 0...1000

    static func createStateMachine(_ engine: Engine, _ request: Members) async throws -> JSON {
        let name = try request.required("name", max: nameLength)
        let definition = try request.required("definition", max: definitionLength)
        let roleArn = try request.required("roleArn", max: arnLength)
        let type = try request.choice("type", ["STANDARD", "EXPRESS"]).flatMap(StateMachineRecord.Kind.init) ?? .standard
        if try request.string("versionDescription") != nil, try request.bool("publish") != true {
            throw APIError.validation("Version description can only be set when publish is true")
        }
        let tags = try self.tags(request, resourceName: engine.stateMachineArn(name))
        let machine = try await engine.createStateMachine(
            .init(name: name, definition: definition, roleArn: roleArn, type: type, tags: tags ?? [:]))
        return ["stateMachineArn": .string(machine.arn), "creationDate": machine.creationDate.epochJSON]
    }

    static func updateStateMachine(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineArn", max: arnLength)
        let definition = try request.string("definition", min: 1, max: definitionLength)
        let roleArn = try request.string("roleArn", min: 1, max: arnLength)
        let machine = try await engine.updateStateMachine(arn: arn, definition: definition, roleArn: roleArn)
        return ["updateDate": (machine.updateDate ?? Date()).epochJSON, "revisionId": .string(machine.revisionId)]
    }

    static func describeStateMachine(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("stateMachineArn", max: arnLength)
        _ = try request.choice("includedData", ["ALL_DATA", "METADATA_ONLY"])
        let machine = try await engine.stateMachine(arn: arn)
        return [
            "stateMachineArn": .string(machine.arn), "name": .string(machine.name), "status": .string(machine.status.rawValue),
            "definition": .string(machine.definition), "roleArn": .string(machine.roleArn), "type": .string(machine.type.rawValue),
            "creationDate": machine.creationDate.epochJSON, "loggingConfiguration": loggingOff, "tracingConfiguration": tracingOff,
            "revisionId": .string(machine.revisionId),
        ]
    }

    static func describeStateMachineForExecution(_ engine: Engine, _ request: Members) async throws -> JSON {
        let arn = try request.required("executionArn", max: arnLength)
        let execution = try await engine.execution(arn: arn)
        let machine = try await engine.store.stateMachine(arn: execution.stateMachineArn)
        let revision = try await execution.revisionId.asyncFlatMap {
            try await engine.store.stateMachineRevision(arn: execution.stateMachineArn, revisionId: $0)
        }
        let name = machine?.name ?? execution.stateMachineArn.split(separator: ":").last.map(String.init) ?? ""
        var output: JSONObject = [
            "stateMachineArn": .string(execution.stateMachineArn), "name": .string(name),
            "definition": .string(execution.definition),
            "roleArn": .string(revision?.roleArn ?? machine?.roleArn ?? engine.runtime.defaultRoleArn),
            "updateDate": (revision?.creationDate ?? machine?.updateDate ?? machine?.creationDate ?? execution.startDate).epochJSON,
            "loggingConfiguration": loggingOff, "tracingConfiguration": tracingOff,
        ]
        if let revisionId = execution.revisionId { output["revisionId"] = .string(revisionId) }
        return .object(output)
    }

    static func listStateMachines(_ engine: Engine, _ request: Members) async throws -> JSON {
        let maxResults = try request.int("maxResults", pageSize) ?? 0
        let nextToken = try request.string("nextToken", min: 1, max: 1024)
        let page = try await engine.storeCall { try await engine.store.listStateMachines(maxResults: maxResults, nextToken: nextToken) }
        let items = page.items.map { machine -> JSON in
            [
                "stateMachineArn": .string(machine.arn), "name": .string(machine.name), "type": .string(machine.type.rawValue),
                "creationDate": machine.creationDate.epochJSON,
            ]
        }
        return paged("stateMachines", items, page.nextToken)
    }

    static func deleteStateMachine(_ engine: Engine, _ request: Members) async throws -> JSON {
        try await engine.deleteStateMachine(arn: try request.required("stateMachineArn", max: arnLength))
        return [:]
    }

    static let loggingOff: JSON = ["level": "OFF", "includeExecutionData": false]
    static let tracingOff: JSON = ["enabled": false]

    /// A list response: `{<key>: [...], nextToken?}`.
    static func paged(_ key: String, _ items: [JSON], _ nextToken: String?) -> JSON {
        var object: JSONObject = [key: .array(items)]
        if let nextToken { object["nextToken"] = .string(nextToken) }
        return .object(object)
    }
}

extension Optional {
    /// `flatMap` with an async transform.
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
