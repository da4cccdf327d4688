import Digests
import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:lambda:<action>`: the Lambda control plane for the functions something runs locally
/// (a resources-file entry, a registered handler). Versions and aliases are remembered in the ``ResourceCatalog``
/// (type `lambda:function`, by function name); a version keeps the code `$LATEST` had when it was published, and
/// code is a name that finds what runs it: the function's own entry until `updateFunctionCode` names another
/// (`ImageUri` or `S3Key`, a resources-file key). `lambda:invoke` of `NAME:ALIAS` or `NAME:3` runs that code
/// (``LambdaVersions``).
package struct LambdaService: LocalService, LambdaVersions {
    package let name = "lambda"
    let catalog: ResourceCatalog
    /// Whether something runs one of these names (a function's ARN and name, or a code name); nil: anything does.
    let runs: (@Sendable ([String]) -> Bool)?

    package init(catalog: ResourceCatalog, runs: (@Sendable ([String]) -> Bool)? = nil) {
        self.catalog = catalog
        self.runs = runs
    }

    static let type = "lambda:function"

    typealias Action = @Sendable (LambdaService, ServiceRequest, LambdaTarget) throws -> JSON

    static let actions: [String: Action] = [
        "publishVersion": { try $0.publishVersion($1, $2) }, "updateFunctionCode": { try $0.updateFunctionCode($1, $2) },
        "getFunction": { try $0.getFunction($1, $2) }, "listVersionsByFunction": { try $0.listVersions($1, $2) },
        "createAlias": { try $0.createAlias($1, $2) }, "updateAlias": { try $0.updateAlias($1, $2) },
        "getAlias": { try $0.getAlias($1, $2) }, "deleteAlias": { try $0.deleteAlias($1, $2) },
        "listAliases": { try $0.listAliases($1, $2) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, region: region, account: account)
    }

    package func call(_ action: String, input: JSON, region: String = "us-east-1", account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else { throw StatesError("Lambda.InvalidParameterValueException", "Unsupported action \(action)") }
        let request = ServiceRequest(input: input, validationError: "Lambda.InvalidParameterValueException")
        let text = try request.required("FunctionName")
        guard let target = LambdaTarget(text, region: region, account: account) else {
            throw request.invalid(
                "1 validation error detected: Value '\(text)' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
            )
        }
        return try body(self, request, target)
    }

    // MARK: LambdaVersions

    package func code(function: String, arn: String, qualifier: String?) throws -> LambdaCode? {
        guard let state = try catalog.get(Self.type, function).map(FunctionState.init) else { return nil }
        let version = try state.resolve(qualifier, arn: arn)
        return LambdaCode(version: version.version, key: version.codeKey)
    }

    // MARK: State

    /// The stored state of the target's function, or a fresh one for a function something runs;
    /// `Lambda.ResourceNotFoundException` otherwise.
    func state(_ target: LambdaTarget, stored: JSON?) throws -> FunctionState {
        if let stored { return FunctionState(stored) }
        guard runs?([target.arn, target.name]) ?? true else { throw Self.functionNotFound(target.arn) }
        return FunctionState(name: target.name, arn: target.arn)
    }

    /// Changes the target's function in one transaction.
    func change<T: Sendable>(_ target: LambdaTarget, _ body: (inout FunctionState) throws -> T) throws -> T {
        try catalog.update(Self.type, target.name) { stored in
            var state = try state(target, stored: stored)
            let result = try body(&state)
            return (state.json, result)
        }
    }

    /// The target's function as stored (or fresh), without writing anything.
    func read(_ target: LambdaTarget) throws -> FunctionState { try state(target, stored: try catalog.get(Self.type, target.name)) }

    static func functionNotFound(_ arn: String) -> StatesError { StatesError("Lambda.ResourceNotFoundException", "Function not found: \(arn)") }

    /// Lambda's CodeSha256 of a code name: base64 of its SHA-256.
    static func sha256(_ code: String) -> String { Data(Digest.hash(Array(code.utf8), .sha256)).base64EncodedString() }

    /// Lambda's LastModified: `2024-05-01T12:00:00.000+0000`.
    static func lastModified(_ date: Date = Date()) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon))
            .replacingOccurrences(of: "Z", with: "+0000")
    }
}

/// A `FunctionName` member: a name, a partial ARN or an ARN, with an optional qualifier.
struct LambdaTarget {
    let name: String
    let qualifier: String?
    /// The unqualified ARN.
    let arn: String

    init?(_ text: String, region: String, account: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var (region, account) = (region, account)
        let rest: ArraySlice<String>
        if parts.count >= 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function" {
            (region, account) = (parts[3], parts[4])
            rest = parts[6...]
        } else if parts.count >= 3, parts[1] == "function" {
            account = parts[0]
            rest = parts[2...]
        } else {
            rest = parts[...]
        }
        guard (1...2).contains(rest.count), let name = rest.first, !name.isEmpty, rest.dropFirst().first?.isEmpty != true,
            name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else { return nil }
        self.name = name
        qualifier = rest.dropFirst().first
        arn = "arn:aws:lambda:\(region):\(account):function:\(name)"
    }
}
