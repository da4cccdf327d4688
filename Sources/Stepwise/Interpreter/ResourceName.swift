/// How a Task's Resource ARN is recorded in history (asl-reference §1.3 resource forms, §7.2).
package enum ResourceName: Sendable, Equatable {
    /// `arn:aws:lambda:<region>:<account>:function:<name>` — LambdaFunction* events.
    case lambdaFunction
    /// `arn:aws:states:<region>:<account>:activity:<name>` — Activity* events.
    case activity
    /// `arn:aws:states:::<service>:<action>[.pattern]` and anything else — Task* events with this type and action.
    case service(type: String, action: String)

    package init(_ arn: String) {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 7, parts[2] == "lambda", parts[5] == "function" {
            self = .lambdaFunction
        } else if parts.count >= 7, parts[2] == "states", parts[5] == "activity" {
            self = .activity
        } else if parts.count >= 7, parts[2] == "states", parts[5] == "aws-sdk" {
            self = .service(type: "aws-sdk:" + parts[6], action: parts.dropFirst(7).joined(separator: ":"))
        } else if parts.count >= 7, parts[2] == "states" {
            self = .service(type: parts[5], action: parts.dropFirst(6).joined(separator: ":"))
        } else {
            self = .service(type: parts.count > 2 ? parts[2] : arn, action: parts.last ?? arn)
        }
    }
}
