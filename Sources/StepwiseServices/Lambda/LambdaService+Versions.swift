import Foundation
import JSON
import Stepwise

extension LambdaService {
    /// PublishVersion: a new version with `$LATEST`'s code, numbered after the last; when the last version already
    /// has that code, Lambda answers it again instead. `CodeSha256` and `RevisionId`, when given, must be `$LATEST`'s.
    func publishVersion(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let sha = try request.string("CodeSha256")
        let revision = try request.string("RevisionId")
        let description = try request.string("Description")
        return try change(target) { state in
            try Self.publish(&state, sha: sha, revision: revision, description: description)
        }
    }

    static func publish(_ state: inout FunctionState, sha: String?, revision: String?, description: String?) throws -> JSON {
        if let sha, sha != state.latest.codeSha256 {
            throw StatesError(
                "Lambda.InvalidParameterValueException",
                "CodeSHA256 (\(sha)) is different from current CodeSHA256 in $LATEST (\(state.latest.codeSha256)). Please try again with the correct CodeSHA256 value."
            )
        }
        if let revision, revision != state.latest.revisionId { throw preconditionFailed() }
        if let last = state.versions.last, last.codeSha256 == state.latest.codeSha256 { return state.configuration(last) }
        var version = state.latest
        version.version = String((state.versions.last.flatMap { Int($0.version) } ?? 0) + 1)
        version.description = description ?? state.latest.description
        version.lastModified = lastModified()
        version.revisionId = UUID().uuidString.lowercased()
        state.versions.append(version)
        return state.configuration(version)
    }

    /// UpdateFunctionCode: `$LATEST` runs the code named by `ImageUri` or `S3Key` (a resources-file key, or a
    /// function name), from now on; `Publish` also publishes a version.
    func updateFunctionCode(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        guard let code = try request.string("ImageUri") ?? request.string("S3Key") else {
            if request["ZipFile"] != nil {
                throw request.invalid("Locally, code is named, not uploaded: give ImageUri or S3Key, the resources-file entry that runs it.")
            }
            throw request.invalid("Please provide a source for function code.")
        }
        guard runs?([code] + (LambdaTarget(code, region: "", account: "").map { [$0.name] } ?? [])) ?? true else {
            throw request.invalid(
                "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist. (\(code): no resources-file entry or handler runs it)"
            )
        }
        let revision = try request.string("RevisionId")
        let publish = try request.bool("Publish") ?? false
        return try change(target) { state in
            if let revision, revision != state.latest.revisionId { throw Self.preconditionFailed() }
            state.latest.codeKey = code == state.name ? nil : code
            state.latest.codeSha256 = Self.sha256(code)
            state.latest.lastModified = Self.lastModified()
            state.latest.revisionId = UUID().uuidString.lowercased()
            return publish ? try Self.publish(&state, sha: nil, revision: nil, description: nil) : state.configuration(state.latest)
        }
    }

    /// GetFunction: the configuration of the version the name (or `Qualifier`) names, and where its code is.
    func getFunction(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let state = try read(target)
        let version = try state.resolve(try target.qualifier ?? request.string("Qualifier"), arn: target.arn)
        return [
            "Configuration": state.configuration(version), "Code": ["RepositoryType": "Local", "Location": .string(version.codeKey ?? state.name)],
        ]
    }

    /// ListVersionsByFunction: `$LATEST`, then the versions in order.
    func listVersions(_ request: ServiceRequest, _ target: LambdaTarget) throws -> JSON {
        let state = try read(target)
        var latest = state.configuration(state.latest).objectValue ?? [:]
        latest["FunctionArn"] = .string("\(state.arn):$LATEST")
        return ["Versions": .array([.object(latest)] + state.versions.map(state.configuration))]
    }

    static func preconditionFailed() -> StatesError {
        StatesError(
            "Lambda.PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
    }
}
