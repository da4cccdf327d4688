import Foundation
import JSON
import Stepwise

extension CloudFormationService {
    /// CreateChangeSet (ChangeSetType CREATE or UPDATE) from TemplateBody, TemplateURL (a local path, `file://`,
    /// `s3://bucket/key` or an `https://bucket.s3….amazonaws.com/key` URL of the local S3) or UsePreviousTemplate.
    /// CREATE makes the stack REVIEW_IN_PROGRESS, as AWS does.
    func createChangeSet(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        let stackName = Self.stackName(try request.required("StackName"))
        let name = try request.required("ChangeSetName")
        let type = try request.string("ChangeSetType") ?? "UPDATE"
        guard ["CREATE", "UPDATE"].contains(type) else {
            throw request.invalid("ChangeSetType \(type) is not supported locally (CREATE or UPDATE)")
        }
        let body = try request.string("TemplateBody")
        let url = try request.string("TemplateURL")
        let parameters = try request.array("Parameters") ?? []
        let usePrevious = try request.bool("UsePreviousTemplate") ?? false
        return try catalog.transaction { tx in
            let existing = try stack(stackName, tx, call.now)
            let status = existing?["StackStatus"]?.stringValue
            if type == "CREATE", let status, status != "REVIEW_IN_PROGRESS" {
                throw CloudFormationError.validation("Stack [\(stackName)] already exists and cannot be created again with the changeSet [\(name)].")
            }
            if type == "UPDATE", status == nil || status == "REVIEW_IN_PROGRESS" {
                throw CloudFormationError.validation("Stack [\(stackName)] does not exist")
            }
            guard try tx.get(Self.changeSetType, "\(stackName)/\(name)") == nil else {
                throw CloudFormationError.error("AlreadyExistsException", "ChangeSet \(name) already exists")
            }
            let templateJSON: JSON
            switch (body, url, usePrevious) {
            case (let body?, nil, false): templateJSON = try StackTemplate(text: body).json
            case (nil, let url?, false): templateJSON = try StackTemplate(text: try read(url)).json
            case (nil, nil, true) where existing != nil: templateJSON = existing?["Stepwise"]?["Template"] ?? .null
            default: throw CloudFormationError.validation("Specify exactly one of TemplateBody, TemplateURL and UsePreviousTemplate")
            }
            let template = try StackTemplate(json: templateJSON)
            let previous = Dictionary(
                (existing?["Parameters"]?.arrayValue ?? []).compactMap { p in
                    p["ParameterKey"]?.stringValue.map { ($0, p["ParameterValue"]?.stringValue ?? "") }
                }, uniquingKeysWith: { a, _ in a })
            let values = try template.parameterValues(parameters, previous: previous)
            let stackId =
                existing?["StackId"]?.stringValue
                ?? "arn:aws:cloudformation:\(call.region):\(call.account):stack/\(stackName)/\(UUID().uuidString.lowercased())"
            let changeSetId = "arn:aws:cloudformation:\(call.region):\(call.account):changeSet/\(name)/\(UUID().uuidString.lowercased())"
            let now = ServiceSupport.timestamp(call.now)
            if existing == nil {
                var stack: JSONObject = [
                    "StackId": .string(stackId), "StackName": .string(stackName), "CreationTime": now, "StackStatus": "REVIEW_IN_PROGRESS",
                    "StackStatusReason": "User Initiated", "DisableRollback": false, "Tags": [], "EnableTerminationProtection": false,
                    "DriftInformation": ["StackDriftStatus": "NOT_CHECKED"], "Stepwise": ["Events": [], "Steps": []],
                ]
                Self.addEvent(&stack, status: "REVIEW_IN_PROGRESS", reason: "User Initiated", at: now)
                try tx.put(Self.stackType, stackName, .object(stack))
            }
            let oldResources = existing?["Stepwise"]?["Template"]?["Resources"]?.objectValue ?? [:]
            let parameterList: JSON = .array(values.map { ["ParameterKey": .string($0.0), "ParameterValue": .string($0.1)] })
            let unchanged = type == "UPDATE" && templateJSON == existing?["Stepwise"]?["Template"] && parameterList == existing?["Parameters"]
            let changeSet = ServiceSupport.object([
                "ChangeSetName": .string(name), "ChangeSetId": .string(changeSetId), "StackId": .string(stackId),
                "StackName": .string(stackName), "Description": try request.string("Description").map(JSON.string),
                "Parameters": parameterList, "CreationTime": now, "ExecutionStatus": "UNAVAILABLE", "Status": "CREATE_PENDING",
                "Capabilities": request["Capabilities"] ?? [], "Changes": .array(Self.changes(from: oldResources, to: template.resources)),
                "IncludeNestedStacks": false,
                "Stepwise": [
                    "Template": templateJSON, "ReadyAt": .string(ISOTimestamp.format(call.now.addingTimeInterval(seconds(template)))),
                    "Unchanged": .bool(unchanged),
                ],
            ])
            try tx.put(Self.changeSetType, "\(stackName)/\(name)", changeSet)
            return ["Id": .string(changeSetId), "StackId": .string(stackId)]
        }
    }

    /// How long each in-progress status lasts for a template.
    func seconds(_ template: StackTemplate) -> Double { template.transitionSeconds ?? transitionSeconds }

    /// A template's text from a TemplateURL.
    func read(_ url: String) throws -> String {
        var bucketAndKey: (String, String)?
        if url.hasPrefix("s3://") {
            let rest = url.dropFirst(5)
            if let slash = rest.firstIndex(of: "/") { bucketAndKey = (String(rest[..<slash]), String(rest[rest.index(after: slash)...])) }
        } else if let parsed = URL(string: url), parsed.scheme == "https", let host = parsed.host, let range = host.range(of: ".s3") {
            bucketAndKey = (String(host[..<range.lowerBound]), String(parsed.path.dropFirst()))
        }
        if let (bucket, key) = bucketAndKey {
            do { return String(decoding: try s3.getObject(bucket: bucket, key: key), as: UTF8.self) } catch {
                throw CloudFormationError.validation("S3 error: Access Denied or no such object: \(url)")
            }
        }
        let path = url.hasPrefix("file://") ? String(url.dropFirst(7)) : url
        guard !path.contains("://"), let data = FileManager.default.contents(atPath: path) else {
            throw CloudFormationError.validation("TemplateURL must be a supported URL.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The resource changes between two templates' Resources, as DescribeChangeSet lists them.
    static func changes(from old: JSONObject, to new: JSONObject) -> [JSON] {
        func change(_ action: String, _ logical: String, _ resource: JSON?) -> JSON {
            var details: JSONObject = [
                "Action": .string(action), "LogicalResourceId": .string(logical), "ResourceType": resource?["Type"] ?? .null, "Scope": [],
                "Details": [],
            ]
            if action == "Modify" { details["Replacement"] = "False" }
            return ["Type": "Resource", "ResourceChange": .object(details)]
        }
        var list: [JSON] = []
        for (logical, resource) in new where old[logical] != resource {
            list.append(change(old[logical] == nil ? "Add" : "Modify", logical, resource))
        }
        for (logical, resource) in old where new[logical] == nil { list.append(change("Remove", logical, resource)) }
        return list
    }

    /// The change set a request names (ChangeSetName as an ARN, or with StackName), its statuses as of `now`.
    func changeSet(_ request: ServiceRequest, _ tx: CatalogTransaction, _ now: Date) throws -> (key: String, record: JSONObject) {
        let name = try request.required("ChangeSetName")
        var key: String?
        if name.hasPrefix("arn:") {
            key = try tx.list(Self.changeSetType).first { $0.description["ChangeSetId"]?.stringValue == name }?.name
        } else {
            guard let stack = try request.string("StackName") else {
                throw CloudFormationError.validation("StackName must be specified if ChangeSetName is not specified as an ARN.")
            }
            key = "\(Self.stackName(stack))/\(name)"
        }
        guard let key, var record = try tx.get(Self.changeSetType, key)?.objectValue,
            try stack(record["StackName"]?.stringValue ?? "", tx, now) != nil
        else {
            throw CloudFormationError.error("ChangeSetNotFound", "ChangeSet [\(name)] does not exist")
        }
        let ready = record["Stepwise"]?["ReadyAt"]?.stringValue.flatMap(Self.date) ?? now
        if record["Status"] == "CREATE_PENDING", now >= ready {
            if record["Stepwise"]?["Unchanged"] == true {
                record["Status"] = "FAILED"
                record["StatusReason"] = "The submitted information didn't contain changes. Submit different information to create a change set."
            } else {
                record["Status"] = "CREATE_COMPLETE"
                record["ExecutionStatus"] = "AVAILABLE"
            }
            try tx.put(Self.changeSetType, key, .object(record))
        }
        if record["ExecutionStatus"] == "EXECUTE_IN_PROGRESS", let stackName = record["StackName"]?.stringValue {
            let status = try stack(stackName, tx, now)?["StackStatus"]?.stringValue ?? "DELETE_COMPLETE"
            if !status.hasSuffix("_IN_PROGRESS") {
                record["ExecutionStatus"] = ["CREATE_COMPLETE", "UPDATE_COMPLETE"].contains(status) ? "EXECUTE_COMPLETE" : "EXECUTE_FAILED"
                try tx.put(Self.changeSetType, key, .object(record))
            }
        }
        return (key, record)
    }

    func describeChangeSet(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        try catalog.transaction { tx in Self.visible(.object(try changeSet(request, tx, call.now).record)) }
    }

    /// ExecuteChangeSet: only an AVAILABLE change set runs, once; the stack then moves through its statuses on the
    /// execution's clock, and rolls back when a resource is marked to fail (and ends ROLLBACK_FAILED or
    /// UPDATE_ROLLBACK_FAILED when one is also marked to fail its rollback).
    func executeChangeSet(_ request: ServiceRequest, _ call: Call) throws -> JSON {
        try catalog.transaction { tx in
            var (key, changeSet) = try changeSet(request, tx, call.now)
            let executionStatus = changeSet["ExecutionStatus"]?.stringValue ?? ""
            guard executionStatus == "AVAILABLE" else {
                throw CloudFormationError.error(
                    "InvalidChangeSetStatus",
                    "ChangeSet [\(changeSet["ChangeSetId"]?.stringValue ?? "")] cannot be executed in its current execution status of [\(executionStatus)]"
                )
            }
            let stackName = changeSet["StackName"]?.stringValue ?? ""
            guard var stack = try stack(stackName, tx, call.now) else { throw CloudFormationError.stackNotFound(stackName) }
            let status = stack["StackStatus"]?.stringValue ?? ""
            if status.hasSuffix("_IN_PROGRESS") && status != "REVIEW_IN_PROGRESS" {
                throw CloudFormationError.validation("Stack:\(stack["StackId"]?.stringValue ?? "") is in \(status) state and can not be updated.")
            }
            let template = try StackTemplate(json: changeSet["Stepwise"]?["Template"] ?? .null)
            let parameters = changeSet["Parameters"] ?? []
            let evaluator = Self.evaluator(template, parameters: parameters, stack: stack, call: call)
            let failing = try evaluator.failing()
            let outputs = failing.isEmpty ? JSON.array(try evaluator.outputs()) : []
            let step = seconds(template)
            let creating = status == "REVIEW_IN_PROGRESS"
            let current: JSON = [
                "Parameters": stack["Parameters"] ?? [], "Outputs": stack["Outputs"] ?? [], "Template": stack["Stepwise"]?["Template"] ?? .null,
            ]
            let next: JSON = ["Parameters": parameters, "Outputs": outputs, "Template": template.json, "Previous": creating ? .null : current]
            let (verb, done) = creating ? ("CREATE", "create") : ("UPDATE", "update")
            var steps: [JSON] = [Self.step("\(verb)_IN_PROGRESS", at: call.now, reason: "User Initiated")]
            if failing.isEmpty {
                steps.append(Self.step("\(verb)_COMPLETE", at: call.now.addingTimeInterval(step), apply: next))
            } else {
                let reason = "The following resource(s) failed to \(done): [\(failing.sorted().joined(separator: ", "))]. "
                let rollback = creating ? "ROLLBACK" : "UPDATE_ROLLBACK"
                steps.append(
                    Self.step(
                        "\(rollback)_IN_PROGRESS", at: call.now.addingTimeInterval(step),
                        reason: reason + (creating ? "Rollback requested by user." : "")))
                let stuck = try evaluator.failing("FailRollback")
                if stuck.isEmpty {
                    steps.append(
                        Self.step("\(rollback)_COMPLETE", at: call.now.addingTimeInterval(2 * step), apply: creating ? ["Outputs": []] : current))
                } else {
                    steps.append(Self.rollbackFailed(rollback, stuck, creating: creating, at: call.now.addingTimeInterval(2 * step)))
                }
            }
            if creating { stack["Parameters"] = parameters }
            if let description = template.json["Description"]?.stringValue { stack["Description"] = .string(description) }
            stack["ChangeSetId"] = changeSet["ChangeSetId"]
            try schedule(&stack, steps, tx, call.now)
            changeSet["ExecutionStatus"] = "EXECUTE_IN_PROGRESS"
            try tx.put(Self.changeSetType, key, .object(changeSet))
            return [:]
        }
    }

    /// The end of a rollback that a resource marked `FailRollback` stops: Outputs gone, as CloudFormation
    /// cannot say what is deployed.
    static func rollbackFailed(_ rollback: String, _ stuck: [String], creating: Bool, at: Date) -> JSON {
        step(
            "\(rollback)_FAILED", at: at,
            reason: "The following resource(s) failed to \(creating ? "delete" : "update"): [\(stuck.sorted().joined(separator: ", "))]. ",
            apply: ["Outputs": []])
    }

    static func evaluator(_ template: StackTemplate, parameters: JSON, stack: JSONObject, call: Call) -> StackTemplate.Evaluator {
        let values = Dictionary(
            (parameters.arrayValue ?? []).compactMap { p in p["ParameterKey"]?.stringValue.map { ($0, p["ParameterValue"]?.stringValue ?? "") } },
            uniquingKeysWith: { a, _ in a })
        let pseudo = [
            "AWS::StackName": stack["StackName"]?.stringValue ?? "", "AWS::StackId": stack["StackId"]?.stringValue ?? "",
            "AWS::Region": call.region, "AWS::AccountId": call.account, "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com",
        ]
        return StackTemplate.Evaluator(template: template, parameters: values, pseudo: pseudo)
    }
}
