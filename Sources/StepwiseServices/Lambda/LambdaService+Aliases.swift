import Foundation
import JSON
import Stepwise

extension LambdaService {
    /// CreateAlias: a name (not a number) for `$LATEST` or a published version; `Lambda.ResourceConflictException`
    /// when the function has it already.
    func createAlias(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let name = try aliasName(request)
        let version = try request.required("FunctionVersion")
        let description = try request.string("Description") ?? ""
        let routing = request["RoutingConfig"]
        return try change(target) { state in
            guard state.alias(name) == nil else {
                throw StatesError("Lambda.ResourceConflictException", "Alias already exists: \(state.arn):\(name)")
            }
            try Self.check(version: version, routing: routing, in: state)
            let alias = ServiceSupport.object([
                "AliasArn": .string("\(state.arn):\(name)"), "Name": .string(name), "FunctionVersion": .string(version),
                "Description": .string(description), "RoutingConfig": routing.flatMap { $0.isNull ? nil : $0 },
                "RevisionId": .string(UUID().uuidString.lowercased()),
            ])
            state.aliases.append(alias.objectValue ?? [:])
            return alias
        }
    }

    /// UpdateAlias: another version, description or routing (each when given).
    func updateAlias(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let name = try aliasName(request)
        let version = try request.string("FunctionVersion")
        let description = try request.string("Description")
        let revision = try request.string("RevisionId")
        let routing = request["RoutingConfig"]
        return try change(target) { state in
            guard let index = state.aliases.firstIndex(where: { $0["Name"]?.stringValue == name }) else { throw Self.aliasNotFound(state.arn, name) }
            var alias = state.aliases[index]
            if let revision, revision != alias["RevisionId"]?.stringValue { throw Self.preconditionFailed() }
            try Self.check(version: version ?? alias["FunctionVersion"]?.stringValue ?? "$LATEST", routing: routing, in: state)
            if let version { alias["FunctionVersion"] = .string(version) }
            if let description { alias["Description"] = .string(description) }
            if let routing { alias["RoutingConfig"] = routing.isNull ? nil : routing }
            alias["RevisionId"] = .string(UUID().uuidString.lowercased())
            state.aliases[index] = alias
            return .object(alias)
        }
    }

    func getAlias(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let name = try aliasName(request)
        let state = try read(target)
        guard let alias = state.alias(name) else { throw Self.aliasNotFound(state.arn, name) }
        return .object(alias)
    }

    /// DeleteAlias; deleting an alias the function does not have is no error (as in Lambda).
    func deleteAlias(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let name = try aliasName(request)
        return try change(target) { state in
            state.aliases.removeAll { $0["Name"]?.stringValue == name }
            return [:]
        }
    }

    /// ListAliases, of one version when `FunctionVersion` is given.
    func listAliases(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let version = try request.string("FunctionVersion")
        let aliases = try read(target).aliases.filter { version == nil || $0["FunctionVersion"]?.stringValue == version }
        return ["Aliases": .array(aliases.map(JSON.object))]
    }

    /// The alias `Name`: letters, digits, `-` and `_`, not only digits (that would be a version).
    func aliasName(_ request: ServiceRequest) throws -> String {
        let name = try request.required("Name")
        guard (1...128).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) }),
            !name.allSatisfy(\.isNumber)
        else {
            throw request.invalid(
                "1 validation error detected: Value '\(name)' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)"
            )
        }
        return name
    }

    /// An alias names `$LATEST` or a published version, and routes only to published versions, with weights
    /// between 0 and 1.
    static func check(version: String, routing: JSON?, in state: FunctionState) throws {
        let published = Set(state.versions.map(\.version))
        guard version == "$LATEST" || published.contains(version) else { throw functionNotFound("\(state.arn):\(version)") }
        guard let weights = routing?["AdditionalVersionWeights"]?.objectValue else { return }
        for (extra, weight) in weights {
            guard published.contains(extra) else { throw functionNotFound("\(state.arn):\(extra)") }
            guard let value = weight.doubleValue, (0...1).contains(value) else {
                throw StatesError("Lambda.InvalidParameterValueException", "Invalid weight for version \(extra): a weight is between 0.0 and 1.0")
            }
        }
    }

    static func aliasNotFound(_ arn: String, _ name: String) -> StatesError {
        StatesError("Lambda.ResourceNotFoundException", "Cannot find alias arn: \(arn):\(name)")
    }
}
