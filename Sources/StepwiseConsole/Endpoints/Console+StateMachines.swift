import JSON
import StatesLanguage
import StepFunctions
import StepwiseStore

extension Console {
    /// `GET /console/api/state-machines?maxResults=&nextToken=&counts=false`: a page of state machines, each with
    /// its executions counted by status (unless `counts=false`, for a page that only needs names).
    func stateMachines(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let page = try await service.listStateMachines(
            PageRequest(maxResults: try request.integer("maxResults", in: 0...1000, default: 0), nextToken: request.value("nextToken")))
        let counted = request.value("counts") != "false"
        var items: [JSON] = []
        for machine in page.items {
            var object = Self.machineSummary(machine)
            if counted { object["counts"] = Self.counts(try await service.executionCounts(stateMachineArn: machine.arn)) }
            items.append(.object(object))
        }
        return .json(ConsoleJSON.page("stateMachines", items, page.nextToken))
    }

    /// `GET /console/api/state-machine?arn=&summary=true`: the state machine, its executions by status, its
    /// definition pretty-printed with the line of every validation diagnostic, and its graph (not with `summary`:
    /// what a page polls).
    func stateMachine(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let machine = try await service.stateMachine(arn: try request.required("arn"))
        var object = Self.machineSummary(machine)
        object["counts"] = Self.counts(try await service.executionCounts(stateMachineArn: machine.arn))
        guard request.value("summary") != "true" else { return .json(.object(object)) }
        let type = Validator.MachineType(rawValue: machine.type.rawValue) ?? .standard
        let report = StepFunctionsService.validateStateMachineDefinition(
            ValidateStateMachineDefinitionInput(definition: machine.definition, type: type, includeWarnings: true))
        let listing = DefinitionListing(machine.definition)
        object["roleArn"] = .string(machine.roleArn)
        object["revisionId"] = .string(machine.revisionId)
        object["definition"] = .array((listing?.lines ?? machine.definition.split(separator: "\n").map(String.init)).map(JSON.string))
        object["diagnostics"] = .array(
            report.diagnostics.map { diagnostic in
                [
                    "severity": .string(diagnostic.severity.rawValue), "code": .string(diagnostic.code), "message": .string(diagnostic.message),
                    "location": diagnostic.location.map(JSON.string) ?? .null, "line": listing?.line(of: diagnostic.location).map(JSON.int) ?? .null,
                ]
            })
        object["versions"] = try await Self.versions(of: machine.arn, service)
        object["aliases"] = try await Self.aliases(of: machine.arn, service)
        let key = "machine|\(machine.arn)|\(machine.revisionId)"
        let layout = await pictures.layout(machine.definition, type: type)
        object["graph"] = await pictures.svg(key: key, layout: layout).map(JSON.string) ?? .null
        return .json(.object(object))
    }

    /// The machine's versions, newest first (at most 1,000, AWS's limit): ARN, number, description, created.
    static func versions(of arn: String, _ service: StepFunctionsService) async throws -> JSON {
        let page = try await service.listStateMachineVersions(
            ListStateMachineVersionsInput(stateMachineArn: arn, page: PageRequest(maxResults: 1000)))
        return .array(
            page.items.map { version in
                [
                    "arn": .string(version.arn), "version": .int(version.number), "description": version.description.map(JSON.string) ?? .null,
                    "creationDate": ConsoleJSON.date(version.creationDate),
                ]
            })
    }

    /// The machine's aliases with their routing (version number and weight each).
    static func aliases(of arn: String, _ service: StepFunctionsService) async throws -> JSON {
        let page = try await service.listStateMachineAliases(ListStateMachineAliasesInput(stateMachineArn: arn, page: PageRequest(maxResults: 100)))
        return .array(
            page.items.map { alias in
                [
                    "arn": .string(alias.arn), "name": .string(alias.name), "description": alias.description.map(JSON.string) ?? .null,
                    "routing": .array(alias.routing.map { ["version": .int($0.version), "weight": .int($0.weight)] }),
                    "updateDate": ConsoleJSON.date(alias.updateDate),
                ]
            })
    }

    static func machineSummary(_ machine: StateMachineRecord) -> JSONObject {
        [
            "name": .string(machine.name), "arn": .string(machine.arn), "type": .string(machine.type.rawValue),
            "creationDate": ConsoleJSON.date(machine.creationDate), "updateDate": ConsoleJSON.date(machine.updateDate),
        ]
    }

    /// Every status, in the order the pages show them, with its count (zeros included).
    static func counts(_ counts: [ExecutionRecord.Status: Int]) -> JSON {
        .object(JSONObject(ExecutionRecord.Status.allCases.map { ($0.rawValue, JSON.int(counts[$0] ?? 0)) }))
    }
}
