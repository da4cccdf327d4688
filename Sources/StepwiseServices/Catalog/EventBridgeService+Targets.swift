import JSON
import Stepwise

extension EventBridgeService {
    /// PutTargets adds or replaces targets by Id; each needs an Id and an Arn.
    func putTargets(_ request: ServiceRequest) throws -> JSON {
        guard case .object(var rule) = try rule(request, nameMember: "Rule") else { return [:] }
        let targets = try request.array("Targets") ?? []
        guard !targets.isEmpty else { throw request.invalid("Targets must not be empty") }
        var current = rule["Targets"]?.arrayValue ?? []
        for target in targets {
            guard let id = target["Id"]?.stringValue, target["Arn"]?.stringValue != nil else {
                throw request.invalid("Each target needs an Id and an Arn")
            }
            current.removeAll { $0["Id"]?.stringValue == id }
            current.append(target)
        }
        rule["Targets"] = .array(current)
        try save(rule)
        return ["FailedEntryCount": 0, "FailedEntries": []]
    }

    /// RemoveTargets removes targets by Id.
    func removeTargets(_ request: ServiceRequest) throws -> JSON {
        guard case .object(var rule) = try rule(request, nameMember: "Rule") else { return [:] }
        let ids = Set((try request.array("Ids") ?? []).compactMap(\.stringValue))
        rule["Targets"] = .array((rule["Targets"]?.arrayValue ?? []).filter { !ids.contains($0["Id"]?.stringValue ?? "") })
        try save(rule)
        return ["FailedEntryCount": 0, "FailedEntries": []]
    }

    private func save(_ rule: JSONObject) throws {
        let bus = rule["EventBusName"]?.stringValue ?? "default"
        try catalog.put("eventbridge:rule", "\(bus)/\(rule["Name"]?.stringValue ?? "")", .object(rule))
    }
}
