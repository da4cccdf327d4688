import Foundation
import JSON
import StepFunctions

/// The `deploy` member of the `stepwise.json` beside workflow files:
///
/// ```json
/// {"deploy": {"roleArn": "arn:aws:iam::123456789012:role/portal-workflows"}}
/// ```
///
/// `roleArn` is the execution role of the state machines deploy creates (and, when it differs, updates).
package enum DeploySettings {
    static let known: Set<String> = ["roleArn"]

    /// The role the `stepwise.json` in the folder of `path` gives, if there is one with a `deploy` member.
    static func roleArn(beside path: String) throws(DeployError) -> String? {
        let settings = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(WorkflowDirectory.configName)
        guard let data = FileManager.default.contents(atPath: settings) else { return nil }
        guard let object = (try? JSON(parsing: data))?.objectValue else { throw DeployError("\(settings) is not a JSON object") }
        guard let deploy = object["deploy"] else { return nil }
        guard let members = deploy.objectValue else { throw DeployError("\(settings): 'deploy' must be an object") }
        for (key, _) in members where !known.contains(key) {
            throw DeployError("\(settings): deploy: unknown setting '\(key)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        guard let role = members["roleArn"] else { return nil }
        guard let text = role.stringValue else { throw DeployError("\(settings): deploy.roleArn must be a string") }
        try checkRoleArn(text, given: "\(settings): deploy.roleArn")
        return text
    }

    /// Refuses what cannot be an IAM role's ARN (`arn:PARTITION:iam::ACCOUNT:role/NAME`), which AWS would refuse
    /// only once earlier machines were deployed.
    package static func checkRoleArn(_ arn: String, given place: String) throws(DeployError) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "iam", parts[3].isEmpty, !parts[4].isEmpty,
            parts[5].hasPrefix("role/"), parts[5].count > 5, arn.count <= 256
        else { throw DeployError("\(place) must be an IAM role's ARN (arn:aws:iam::ACCOUNT:role/NAME), not '\(arn)'") }
    }
}
