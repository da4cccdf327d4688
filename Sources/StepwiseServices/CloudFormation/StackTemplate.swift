import Foundation
import JSON
import Stepwise

/// A CloudFormation template (JSON only) as the local CloudFormation reads it: its parameters, resources and
/// outputs, with `Ref`, `Fn::Sub`, `Fn::Join` and `Fn::GetAtt` evaluated against parameter values and the
/// resources' local physical ids.
///
/// A resource's `Metadata.Stepwise` says what it is locally: `PhysicalId` (what `Ref` answers; default
/// `STACK-LOGICALID`), `Attributes` (what `Fn::GetAtt` answers; default `PHYSICALID.Attribute`) and `Fail` (true,
/// or an expression that evaluates to true or "true": creating or updating it fails, and the stack rolls back) and
/// `FailRollback` (the same: rolling it back fails, so the stack ends UPDATE_ROLLBACK_FAILED or ROLLBACK_FAILED).
/// The template's own `Metadata.Stepwise.TransitionSeconds` sets how long each status lasts on the execution's clock.
struct StackTemplate: Sendable {
    let json: JSON
    let parameters: JSONObject
    let resources: JSONObject
    let outputs: JSONObject

    /// The deepest nesting of intrinsic functions evaluated.
    static let depthLimit = 32

    init(text: String) throws {
        let trimmed = text.drop { $0.isWhitespace }
        guard trimmed.first == "{" else {
            throw CloudFormationError.validation("Template format error: only JSON templates are read locally (YAML is not supported)")
        }
        guard let json = try? JSON(parsing: text), json.objectValue != nil else {
            throw CloudFormationError.validation("Template format error: JSON not well-formed.")
        }
        try self.init(json: json)
    }

    init(json: JSON) throws {
        self.json = json
        parameters = json["Parameters"]?.objectValue ?? [:]
        resources = json["Resources"]?.objectValue ?? [:]
        outputs = json["Outputs"]?.objectValue ?? [:]
        guard !resources.isEmpty else {
            throw CloudFormationError.validation("Template format error: At least one Resources member must be defined.")
        }
        for (name, resource) in resources where resource["Type"]?.stringValue == nil {
            throw CloudFormationError.validation("Template format error: [/Resources/\(name)] Every Resources object must contain a Type member.")
        }
    }

    var transitionSeconds: Double? { json["Metadata"]?["Stepwise"]?["TransitionSeconds"]?.doubleValue }

    /// The parameter values of a request (`[{"ParameterKey", "ParameterValue" | "UsePreviousValue"}]`) with the
    /// template's defaults, checked as AWS checks them.
    func parameterValues(_ request: [JSON], previous: [String: String]) throws -> [(String, String)] {
        var given: [String: String] = [:]
        for entry in request {
            guard let key = entry["ParameterKey"]?.stringValue else { continue }
            if entry["UsePreviousValue"]?.boolValue == true {
                given[key] = previous[key]
            } else if let value = entry["ParameterValue"]?.stringValue {
                given[key] = value
            }
        }
        let unknown = given.keys.filter { parameters[$0] == nil }.sorted()
        guard unknown.isEmpty else {
            throw CloudFormationError.validation("Parameters: [\(unknown.joined(separator: ","))] do not exist in the template")
        }
        var values: [(String, String)] = []
        var missing: [String] = []
        for (name, declaration) in parameters {
            if let value = given[name] ?? declaration["Default"].map({ $0.stringValue ?? $0.serialized() }) {
                values.append((name, value))
            } else {
                missing.append(name)
            }
        }
        guard missing.isEmpty else { throw CloudFormationError.validation("Parameters: [\(missing.joined(separator: ","))] must have values") }
        return values
    }

    /// Evaluates templates' intrinsic functions for one stack.
    struct Evaluator {
        let template: StackTemplate
        let parameters: [String: String]
        let pseudo: [String: String]

        func physicalId(_ logical: String) -> String? {
            guard let resource = template.resources[logical] else { return nil }
            return resource["Metadata"]?["Stepwise"]?["PhysicalId"]?.stringValue ?? "\(pseudo["AWS::StackName"] ?? "")-\(logical)"
        }

        func ref(_ name: String) throws -> String {
            if let value = parameters[name] ?? pseudo[name] ?? physicalId(name) { return value }
            throw CloudFormationError.validation(
                "Template format error: Unresolved resource dependencies [\(name)] in the Outputs block of the template")
        }

        func attribute(_ logical: String, _ attribute: String) throws -> String {
            guard let physical = physicalId(logical) else {
                throw CloudFormationError.validation("Template error: instance of Fn::GetAtt references undefined resource \(logical)")
            }
            return template.resources[logical]?["Metadata"]?["Stepwise"]?["Attributes"]?[attribute]?.stringValue ?? "\(physical).\(attribute)"
        }

        func evaluate(_ value: JSON, depth: Int = 0) throws -> JSON {
            guard depth < StackTemplate.depthLimit else {
                throw CloudFormationError.validation("Template format error: intrinsic functions nest too deeply")
            }
            switch value {
            case .array(let items): return .array(try items.map { try evaluate($0, depth: depth + 1) })
            case .object(let object) where object.count == 1:
                let (name, argument) = (object.keys[0], object[object.keys[0]] ?? .null)
                switch name {
                case "Ref": return .string(try ref(argument.stringValue ?? ""))
                case "Fn::GetAtt":
                    let parts =
                        argument.arrayValue?.compactMap(\.stringValue)
                        ?? (argument.stringValue?.split(separator: ".", maxSplits: 1).map(String.init) ?? [])
                    guard parts.count == 2 else {
                        throw CloudFormationError.validation("Template error: every Fn::GetAtt object requires two non-empty parameters")
                    }
                    return .string(try attribute(parts[0], parts[1]))
                case "Fn::Join":
                    guard let items = argument.arrayValue, items.count == 2, let delimiter = items[0].stringValue else {
                        throw CloudFormationError.validation("Template error: every Fn::Join object requires two parameters")
                    }
                    let parts = try evaluate(items[1], depth: depth + 1).arrayValue ?? []
                    return .string(parts.map { $0.stringValue ?? $0.serialized() }.joined(separator: delimiter))
                case "Fn::Sub":
                    if let text = argument.stringValue { return .string(try substitute(text, [:])) }
                    guard let items = argument.arrayValue, items.count == 2, let text = items[0].stringValue, let variables = items[1].objectValue
                    else {
                        throw CloudFormationError.validation(
                            "Template error: One or more Fn::Sub intrinsic functions don't specify expected arguments.")
                    }
                    var values: [String: String] = [:]
                    for (key, item) in variables { values[key] = try evaluate(item, depth: depth + 1).stringValue ?? "" }
                    return .string(try substitute(text, values))
                default:
                    return .object(JSONObject([(name, try evaluate(argument, depth: depth + 1))]))
                }
            case .object(let object): return .object(JSONObject(try object.map { ($0.key, try evaluate($0.value, depth: depth + 1)) }))
            default: return value
            }
        }

        /// `${Name}`, `${Resource.Attribute}` and `${!Literal}` of Fn::Sub.
        func substitute(_ text: String, _ variables: [String: String]) throws -> String {
            var result = ""
            var rest = Substring(text)
            while let open = rest.range(of: "${") {
                result += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                    result += rest[open.lowerBound...]
                    return result
                }
                let name = String(rest[open.upperBound..<close])
                if name.hasPrefix("!") {
                    result += "${" + name.dropFirst() + "}"
                } else if let value = variables[name] {
                    result += value
                } else if let dot = name.firstIndex(of: "."), template.resources[String(name[..<dot])] != nil {
                    result += try attribute(String(name[..<dot]), String(name[name.index(after: dot)...]))
                } else {
                    result += try ref(name)
                }
                rest = rest[rest.index(after: close)...]
            }
            return result + rest
        }

        /// The template's Outputs in DescribeStacks' shape.
        func outputs() throws -> [JSON] {
            try template.outputs.map { key, output in
                let value = try evaluate(output["Value"] ?? .null)
                return ServiceSupport.object([
                    "OutputKey": .string(key), "OutputValue": .string(value.stringValue ?? value.serialized()),
                    "Description": output["Description"]?.stringValue.map(JSON.string),
                    "ExportName": try output["Export"]?["Name"].map { try evaluate($0) },
                ])
            }
        }

        /// The resources marked to fail (`Metadata.Stepwise.Fail`, or `FailRollback` for their rollback).
        func failing(_ mark: String = "Fail") throws -> [String] {
            try template.resources.compactMap { logical, resource in
                guard let mark = resource["Metadata"]?["Stepwise"]?[mark] else { return nil }
                let value = try evaluate(mark)
                return value == true || value.stringValue?.lowercased() == "true" ? logical : nil
            }
        }
    }
}
