import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:cloudformation:<action>`: stacks and change sets from JSON templates, remembered in the
/// ``ResourceCatalog`` (types `cloudformation:stack` by stack name, `cloudformation:changeset` by `STACK/NAME`).
///
/// Nothing is provisioned: a stack records its template, parameters, resources and Outputs. Statuses move on the
/// calling execution's clock (when the Task was dispatched, so virtual time runs through at once): a change set is
/// CREATE_PENDING, and a stack CREATE_IN_PROGRESS / UPDATE_IN_PROGRESS / …, for ``transitionSeconds`` before
/// the next status; each call reads the statuses as of its own time. Every action runs in one catalogue
/// transaction, so a change set is executed once however often it is asked (InvalidChangeSetStatus).
package struct CloudFormationService: LocalService {
    package let name = "cloudformation"
    let catalog: ResourceCatalog
    let s3: S3Store
    /// How long each in-progress status lasts unless the template's `Metadata.Stepwise.TransitionSeconds` says.
    let transitionSeconds: Double

    package static let stackType = "cloudformation:stack"
    package static let changeSetType = "cloudformation:changeset"

    package init(catalog: ResourceCatalog, s3: S3Store, transitionSeconds: Double = 5) {
        self.catalog = catalog
        self.s3 = s3
        self.transitionSeconds = transitionSeconds
    }

    typealias Action = @Sendable (CloudFormationService, ServiceRequest, Call) throws -> JSON

    /// Where and when a call happens.
    struct Call {
        let region: String
        let account: String
        let now: Date
    }

    static let actions: [String: Action] = [
        "createChangeSet": { try $0.createChangeSet($1, $2) }, "describeChangeSet": { try $0.describeChangeSet($1, $2) },
        "executeChangeSet": { try $0.executeChangeSet($1, $2) }, "describeStacks": { try $0.describeStacks($1, $2) },
        "describeStackEvents": { try $0.describeStackEvents($1, $2) }, "rollbackStack": { try $0.rollbackStack($1, $2) },
        "deleteStack": { try $0.deleteStack($1, $2) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, at: Call(region: region, account: account, now: context.dispatchedAt))
    }

    func call(_ action: String, input: JSON, at call: Call) throws -> JSON {
        guard let body = Self.actions[action] else { throw CloudFormationError.validation("Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: CloudFormationError.name("ValidationError")), call)
    }

    /// A timestamp the engine or this service wrote (`2026-12-07T15:57:07.306Z`, milliseconds optional).
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: .iso8601))
    }

    /// A stack's name from a name or a stack ARN (`arn:aws:cloudformation:…:stack/NAME/ID`).
    static func stackName(_ text: String) -> String {
        guard text.hasPrefix("arn:"), let range = text.range(of: ":stack/") else { return text }
        return String(text[range.upperBound...].split(separator: "/").first ?? "")
    }

    /// A record without what only Stepwise keeps (`Stepwise`): what AWS answers.
    static func visible(_ record: JSON) -> JSON {
        guard let object = record.objectValue else { return record }
        return .object(JSONObject(object.filter { $0.key != "Stepwise" }.map { ($0.key, $0.value) }))
    }
}

/// CloudFormation's errors as Step Functions names them: a code CloudFormation's model declares as an exception
/// (ChangeSetNotFound, InvalidChangeSetStatus, AlreadyExistsException, …) is `CloudFormation.<Shape>`; any other
/// code (ValidationError) is the SDK's generic `CloudFormation.CloudFormationException`, its message as AWS's.
enum CloudFormationError {
    static let modeled = [
        "ChangeSetNotFound": "ChangeSetNotFoundException", "InvalidChangeSetStatus": "InvalidChangeSetStatusException",
        "AlreadyExistsException": "AlreadyExistsException", "InsufficientCapabilitiesException": "InsufficientCapabilitiesException",
    ]

    static func name(_ code: String) -> String { "CloudFormation." + (modeled[code] ?? "CloudFormationException") }

    static func error(_ code: String, _ message: String) -> StatesError {
        StatesError(name(code), "\(message) (Service: CloudFormation, Status Code: 400)")
    }

    static func validation(_ message: String) -> StatesError { error("ValidationError", message) }

    static func stackNotFound(_ name: String) -> StatesError { validation("Stack with id \(name) does not exist") }
}
