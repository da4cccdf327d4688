import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:eventbridge:<action>` for rules and their targets, remembered in the
/// ``ResourceCatalog`` (type `eventbridge:rule`, named `<bus>/<rule>`), and `putEvents`, whose events go to the
/// ``Outbox`` (as the optimized `events:putEvents` does). Rules never fire locally.
package struct EventBridgeService: LocalService {
    package let name = "eventbridge"
    let catalog: ResourceCatalog
    let outbox: Outbox

    package init(catalog: ResourceCatalog, outbox: Outbox) {
        self.catalog = catalog
        self.outbox = outbox
    }

    typealias Action = @Sendable (EventBridgeService, ServiceRequest, _ region: String, _ account: String) throws -> JSON

    static let actions: [String: Action] = [
        "putRule": { try $0.putRule($1, region: $2, account: $3) }, "describeRule": { s, r, _, _ in try s.describeRule(r) },
        "putTargets": { s, r, _, _ in try s.putTargets(r) }, "removeTargets": { s, r, _, _ in try s.removeTargets(r) },
        "deleteRule": { s, r, _, _ in try s.deleteRule(r) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && (Self.actions[action] != nil || action == "putEvents") }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        if action == "putEvents" { return try outbox.putEvents(input, sdk: true, context: context) }
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, region: region, account: account)
    }

    func call(_ action: String, input: JSON, region: String = "us-east-1", account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else { throw StatesError("EventBridge.ValidationException", "Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: "EventBridge.ValidationException"), region, account)
    }

    /// PutRule creates or updates a rule (keeping its targets); it needs a ScheduleExpression or an EventPattern.
    func putRule(_ request: ServiceRequest, region: String, account: String) throws -> JSON {
        let name = try request.required("Name")
        let bus = try request.string("EventBusName") ?? "default"
        let schedule = try request.string("ScheduleExpression")
        let pattern = try request.string("EventPattern")
        guard schedule != nil || pattern != nil else { throw request.invalid("Parameter(s) ScheduleExpression or EventPattern must be specified.") }
        if let pattern, (try? JSON(parsing: pattern))?.objectValue == nil {
            throw StatesError("EventBridge.InvalidEventPatternException", "Event pattern is not valid. Reason: it must be a JSON object.")
        }
        let arn = "arn:aws:events:\(region):\(account):rule/\(bus == "default" ? "" : "\(bus)/")\(name)"
        let rule = ServiceSupport.object([
            "Name": .string(name), "Arn": .string(arn), "EventPattern": pattern.map(JSON.string),
            "ScheduleExpression": schedule.map(JSON.string), "State": .string(try request.string("State") ?? "ENABLED"),
            "Description": try request.string("Description").map(JSON.string), "RoleArn": try request.string("RoleArn").map(JSON.string),
            "EventBusName": .string(bus), "CreatedBy": .string(account),
            "Targets": try catalog.get("eventbridge:rule", "\(bus)/\(name)")?["Targets"] ?? [],
        ])
        try catalog.put("eventbridge:rule", "\(bus)/\(name)", rule)
        return ["RuleArn": .string(arn)]
    }

    /// DescribeRule: the rule without its targets (ListTargetsByRule's business).
    func describeRule(_ request: ServiceRequest) throws -> JSON {
        guard case .object(var rule) = try rule(request, nameMember: "Name") else { return [:] }
        rule["Targets"] = nil
        return .object(rule)
    }

    /// DeleteRule: a rule with targets cannot be deleted; a missing rule is no error (as in EventBridge).
    func deleteRule(_ request: ServiceRequest) throws -> JSON {
        let (bus, name) = (try request.string("EventBusName") ?? "default", try request.required("Name"))
        if let targets = try catalog.get("eventbridge:rule", "\(bus)/\(name)")?["Targets"]?.arrayValue, !targets.isEmpty {
            throw request.invalid("Rule can't be deleted since it has targets.")
        }
        try catalog.delete("eventbridge:rule", "\(bus)/\(name)")
        return [:]
    }

    /// The stored rule named by `nameMember`; `EventBridge.ResourceNotFoundException` when missing.
    func rule(_ request: ServiceRequest, nameMember: String) throws -> JSON {
        let (bus, name) = (try request.string("EventBusName") ?? "default", try request.required(nameMember))
        guard let rule = try catalog.get("eventbridge:rule", "\(bus)/\(name)") else {
            throw StatesError("EventBridge.ResourceNotFoundException", "Rule \(name) does not exist on EventBus \(bus).")
        }
        return rule
    }
}
