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
enum DeploySettings {
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
        guard let text = role.stringValue, text.hasPrefix("arn:") else {
            throw DeployError("\(settings): deploy.roleArn must be an IAM role's ARN (arn:aws:iam::ACCOUNT:role/NAME)")
        }
        return text
    }
}
