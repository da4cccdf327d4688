import Foundation
import JSON
import Stepwise

/// One function's versions and aliases as the catalogue keeps them.
struct FunctionState {
    /// A version (`$LATEST` or a number) and the code it runs.
    struct Version {
        var version: String
        /// The code's name; nil for the function's own entry.
        var codeKey: String?
        var codeSha256: String
        var description: String
        var lastModified: String
        var revisionId: String
    }

    var name: String
    var arn: String
    var latest: Version
    var versions: [Version]
    var aliases: [JSONObject]

    init(name: String, arn: String) {
        self.name = name
        self.arn = arn
        latest = Version(
            version: "$LATEST", codeKey: nil, codeSha256: LambdaService.sha256(name), description: "", lastModified: LambdaService.lastModified(),
            revisionId: UUID().uuidString.lowercased())
        versions = []
        aliases = []
    }

    init(_ json: JSON) {
        func version(_ json: JSON?) -> Version {
            Version(
                version: json?["Version"]?.stringValue ?? "$LATEST", codeKey: json?["CodeKey"]?.stringValue,
                codeSha256: json?["CodeSha256"]?.stringValue ?? "", description: json?["Description"]?.stringValue ?? "",
                lastModified: json?["LastModified"]?.stringValue ?? "", revisionId: json?["RevisionId"]?.stringValue ?? "")
        }
        name = json["FunctionName"]?.stringValue ?? ""
        arn = json["FunctionArn"]?.stringValue ?? ""
        latest = version(json["Latest"])
        versions = (json["Versions"]?.arrayValue ?? []).map(version)
        aliases = (json["Aliases"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    var json: JSON {
        func version(_ version: Version) -> JSON {
            ServiceSupport.object([
                "Version": .string(version.version), "CodeKey": version.codeKey.map(JSON.string), "CodeSha256": .string(version.codeSha256),
                "Description": .string(version.description), "LastModified": .string(version.lastModified), "RevisionId": .string(version.revisionId),
            ])
        }
        return [
            "FunctionName": .string(name), "FunctionArn": .string(arn), "Latest": version(latest), "Versions": .array(versions.map(version)),
            "Aliases": .array(aliases.map(JSON.object)),
        ]
    }

    /// The version `qualifier` names: `$LATEST` (or none), a number, or an alias; `Lambda.ResourceNotFoundException`
    /// with AWS's message when there is none.
    func resolve(_ qualifier: String?, arn requested: String) throws -> Version {
        guard let qualifier, qualifier != "$LATEST" else { return latest }
        if let version = versions.first(where: { $0.version == qualifier }) { return version }
        if let target = alias(qualifier)?["FunctionVersion"]?.stringValue {  // an alias names a version, never an alias
            if target == "$LATEST" { return latest }
            if let version = versions.first(where: { $0.version == target }) { return version }
        }
        throw LambdaService.functionNotFound("\(requested):\(qualifier)")
    }

    func alias(_ name: String) -> JSONObject? { aliases.first { $0["Name"]?.stringValue == name } }

    /// A version's FunctionConfiguration as Lambda answers it.
    func configuration(_ version: Version) -> JSON {
        ServiceSupport.object([
            "FunctionName": .string(name), "FunctionArn": .string(version.version == "$LATEST" ? arn : "\(arn):\(version.version)"),
            "Version": .string(version.version), "CodeSha256": .string(version.codeSha256), "CodeSize": 0,
            "Description": .string(version.description), "LastModified": .string(version.lastModified), "RevisionId": .string(version.revisionId),
            "State": "Active", "LastUpdateStatus": "Successful", "PackageType": "Zip",
        ])
    }
}
