import Foundation
import JSON
import Stepwise

extension CloudFormationService {
    /// A status the stack takes at `at`, with the reason and the members it then gets (`apply`: Parameters,
    /// Outputs, Template, Previous).
    static func step(_ status: String, at: Date, reason: String? = nil, apply: JSON? = nil) -> JSON {
        ServiceSupport.object([
            "Status": .string(status), "At": .string(ISOTimestamp.format(at)), "Reason": reason.map(JSON.string), "Apply": apply,
        ])
    }

    static func addEvent(_ stack: inout JSONObject, status: String, reason: String?, at: JSON) {
        var events = stack["Stepwise"]?["Events"]?.arrayValue ?? []
        events.append(
            ServiceSupport.object([
                "StackId": stack["StackId"], "EventId": .string(UUID().uuidString.lowercased()), "StackName": stack["StackName"],
                "LogicalResourceId": stack["StackName"], "PhysicalResourceId": stack["StackId"],
                "ResourceType": "AWS::CloudFormation::Stack", "Timestamp": at, "ResourceStatus": .string(status),
                "ResourceStatusReason": reason.map(JSON.string),
            ]))
        var kept = stack["Stepwise"]?.objectValue ?? [:]
        kept["Events"] = .array(events)
        stack["Stepwise"] = .object(kept)
    }

    /// The stack named `name` as of `now` (its due statuses applied and saved); nil when there is none or it has
    /// been deleted (DELETE_COMPLETE removes it and its change sets).
    func stack(_ name: String, _ tx: CatalogTransaction, _ now: Date) throws -> JSONObject? {
        guard var stack = try tx.get(Self.stackType, name)?.objectValue else { return nil }
        var steps = stack["Stepwise"]?["Steps"]?.arrayValue ?? []
        var changed = false
        while let next = steps.first, let at = next["At"]?.stringValue.flatMap(Self.date), at <= now {
            steps.removeFirst()
            changed = true
            Self.apply(next, to: &stack, at: at)
        }
        guard changed else { return stack }
        if stack["StackStatus"] == "DELETE_COMPLETE" {
            try tx.delete(Self.stackType, name)
            for changeSet in try tx.list(Self.changeSetType, prefix: "\(name)/") { try tx.delete(Self.changeSetType, changeSet.name) }
            return nil
        }
        var kept = stack["Stepwise"]?.objectValue ?? [:]
        kept["Steps"] = .array(steps)
        stack["Stepwise"] = .object(kept)
        try tx.put(Self.stackType, name, .object(stack))
        return stack
    }

    static func apply(_ step: JSON, to stack: inout JSONObject, at: Date) {
        let status = step["Status"]?.stringValue ?? ""
        let time = ServiceSupport.timestamp(at)
        stack["StackStatus"] = .string(status)
        stack["StackStatusReason"] = step["Reason"]
        if stack["StackStatusReason"] == nil { _ = stack.removeValue(forKey: "StackStatusReason") }
        if status.hasPrefix("UPDATE") || status.hasPrefix("ROLLBACK") { stack["LastUpdatedTime"] = time }
        if status == "DELETE_IN_PROGRESS" { stack["DeletionTime"] = time }
        if let apply = step["Apply"]?.objectValue {
            for member in ["Parameters", "Outputs"] where apply[member] != nil { stack[member] = apply[member] }
            var kept = stack["Stepwise"]?.objectValue ?? [:]
            for member in ["Template", "Previous"] where apply[member] != nil { kept[member] = apply[member] }
            stack["Stepwise"] = .object(kept)
        }
        addEvent(&stack, status: status, reason: step["Reason"]?.stringValue, at: time)
    }

    /// Gives the stack its next statuses, applies those due now and saves it.
    func schedule(_ stack: inout JSONObject, _ steps: [JSON], _ tx: CatalogTransaction, _ now: Date) throws {
        var kept = stack["Stepwise"]?.objectValue ?? [:]
        kept["Steps"] = .array(steps)
        stack["Stepwise"] = .object(kept)
        let name = stack["StackName"]?.stringValue ?? ""
        try tx.put(Self.stackType, name, .object(stack))
        stack = try self.stack(name, tx, now) ?? stack
    }

    /// DescribeStacks: one stack (StackName, a name or ARN) or every stack, each as of the call's time.
    func describeStacks(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        try catalog.transaction { tx in
            if let name = try request.string("StackName") {
                guard let stack = try stack(Self.stackName(name), tx, call.now) else { throw CloudFormationError.stackNotFound(name) }
                return ["Stacks": [Self.visible(.object(stack))]]
            }
            let names = try tx.list(Self.stackType).map(\.name)
            return ["Stacks": .array(try names.compactMap { try stack($0, tx, call.now).map { Self.visible(.object($0)) } })]
        }
    }

    /// DescribeStackEvents: the stack's status changes, newest first.
    func describeStackEvents(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        let name = try request.required("StackName")
        return try catalog.transaction { tx in
            guard let stack = try stack(Self.stackName(name), tx, call.now) else { throw CloudFormationError.stackNotFound(name) }
            return ["StackEvents": .array((stack["Stepwise"]?["Events"]?.arrayValue ?? []).reversed())]
        }
    }

    /// RollbackStack: an updated stack returns to its previous template, parameters and Outputs
    /// (UPDATE_ROLLBACK_IN_PROGRESS → UPDATE_ROLLBACK_COMPLETE); a created one to nothing (ROLLBACK_IN_PROGRESS →
    /// ROLLBACK_COMPLETE). Locally this is allowed from UPDATE_COMPLETE and CREATE_COMPLETE, where a pipeline
    /// needs it after its post-deployment tests fail (docs/differences.md). A resource of the stack's template
    /// marked `Metadata.Stepwise.FailRollback` makes it end UPDATE_ROLLBACK_FAILED / ROLLBACK_FAILED instead.
    func rollbackStack(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        let name = try request.required("StackName")
        return try catalog.transaction { tx in
            guard var stack = try stack(Self.stackName(name), tx, call.now) else { throw CloudFormationError.stackNotFound(name) }
            let status = stack["StackStatus"]?.stringValue ?? ""
            let step = (try? StackTemplate(json: stack["Stepwise"]?["Template"] ?? .null)).map(seconds) ?? transitionSeconds
            let later = call.now.addingTimeInterval(step)
            let previous = stack["Stepwise"]?["Previous"] ?? .null
            let template = try? StackTemplate(json: stack["Stepwise"]?["Template"] ?? .null)
            let stuck =
                try template.map { try Self.evaluator($0, parameters: stack["Parameters"] ?? [], stack: stack, call: call).failing("FailRollback") }
                ?? []
            switch status {
            case _ where ["CREATE_COMPLETE", "UPDATE_COMPLETE"].contains(status) && !stuck.isEmpty:
                let rollback = status == "UPDATE_COMPLETE" && !previous.isNull ? "UPDATE_ROLLBACK" : "ROLLBACK"
                try schedule(
                    &stack,
                    [
                        Self.step("\(rollback)_IN_PROGRESS", at: call.now, reason: "User Initiated"),
                        Self.rollbackFailed(rollback, stuck, creating: rollback == "ROLLBACK", at: later),
                    ], tx, call.now)
            case "UPDATE_COMPLETE" where !previous.isNull:
                var restore = previous.objectValue ?? [:]
                restore["Previous"] = .null
                try schedule(
                    &stack,
                    [
                        Self.step("UPDATE_ROLLBACK_IN_PROGRESS", at: call.now, reason: "User Initiated"),
                        Self.step("UPDATE_ROLLBACK_COMPLETE", at: later, apply: .object(restore)),
                    ], tx, call.now)
            case "CREATE_COMPLETE", "UPDATE_COMPLETE":
                try schedule(
                    &stack,
                    [
                        Self.step("ROLLBACK_IN_PROGRESS", at: call.now, reason: "User Initiated"),
                        Self.step("ROLLBACK_COMPLETE", at: later, apply: ["Outputs": []]),
                    ], tx, call.now)
            default:
                throw CloudFormationError.validation(
                    "Stack \(stack["StackId"]?.stringValue ?? name) is in \(status) state and can not be rolled back")
            }
            return ["StackId": stack["StackId"] ?? .null]
        }
    }

    /// DeleteStack: DELETE_IN_PROGRESS, then the stack is gone; deleting a missing stack succeeds, as on AWS.
    func deleteStack(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        let name = Self.stackName(try request.required("StackName"))
        return try catalog.transaction { tx in
            guard var stack = try stack(name, tx, call.now) else { return [:] }
            let status = stack["StackStatus"]?.stringValue ?? ""
            guard !status.hasPrefix("DELETE") else { return [:] }
            let step = (try? StackTemplate(json: stack["Stepwise"]?["Template"] ?? .null)).map(seconds) ?? transitionSeconds
            try schedule(
                &stack,
                [
                    Self.step("DELETE_IN_PROGRESS", at: call.now, reason: "User Initiated"),
                    Self.step("DELETE_COMPLETE", at: call.now.addingTimeInterval(step)),
                ], tx, call.now)
            return [:]
        }
    }
}
