import Foundation
import JSON

/// A published version of a state machine: an immutable snapshot of one revision, numbered 1, 2, … per machine.
package struct StateMachineVersionRecord: Sendable, Equatable {
    package var stateMachineArn: String
    package var number: Int
    /// The revision it froze, whose definition and role it runs.
    package var revisionId: String
    package var definition: String
    package var roleArn: String
    package var description: String?
    package var creationDate: Date
    /// The configurations of the revision it froze (see ``StateMachineRecord/configuration``).
    package var configuration: JSONObject = [:]

    /// `<state machine ARN>:<number>`.
    package var arn: String { "\(stateMachineArn):\(number)" }
}

/// An alias of a state machine: a name that routes executions to one or two of its versions by weight.
package struct StateMachineAliasRecord: Sendable, Equatable {
    /// One version an alias routes to, and the percentage of starts it gets.
    package struct Route: Sendable, Equatable {
        package var version: Int
        package var weight: Int

        package init(version: Int, weight: Int) {
            self.version = version
            self.weight = weight
        }
    }

    package var stateMachineArn: String
    package var name: String
    package var description: String?
    package var routing: [Route]
    package var creationDate: Date
    package var updateDate: Date

    package init(stateMachineArn: String, name: String, description: String?, routing: [Route], creationDate: Date, updateDate: Date) {
        self.stateMachineArn = stateMachineArn
        self.name = name
        self.description = description
        self.routing = routing
        self.creationDate = creationDate
        self.updateDate = updateDate
    }

    /// `<state machine ARN>:<name>`.
    package var arn: String { "\(stateMachineArn):\(name)" }
}

/// What publishing a version asks for (PublishStateMachineVersion, or CreateStateMachine and UpdateStateMachine
/// with `publish`).
package struct VersionRequest: Sendable {
    package var description: String?
    package var date: Date
    /// At most this many versions per state machine (AWS: 1,000).
    package var limit: Int
    /// Whether the current revision is the one the caller expects (its `revisionId` member); nil publishes any.
    package var expectsRevision: (@Sendable (String) -> Bool)?

    package init(description: String?, date: Date, limit: Int, expectsRevision: (@Sendable (String) -> Bool)? = nil) {
        self.description = description
        self.date = date
        self.limit = limit
        self.expectsRevision = expectsRevision
    }
}

/// How a publish went.
package enum PublishResult: Sendable, Equatable {
    /// A new version of the current revision.
    case published(StateMachineVersionRecord)
    /// The version that already froze the current revision (publishing is idempotent per revision).
    case existing(StateMachineVersionRecord)
    /// The current revision is not the one expected; it is `current`.
    case staleRevision(current: String)
    /// The state machine has as many versions as the limit allows.
    case limitReached

    /// The version published or found, if any.
    package var version: StateMachineVersionRecord? {
        switch self {
        case .published(let version), .existing(let version): version
        case .staleRevision, .limitReached: nil
        }
    }
}
