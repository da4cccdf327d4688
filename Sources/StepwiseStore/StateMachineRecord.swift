import Foundation
import JSON

/// A state machine as stored: its current definition and revision, dates, status and tags.
package struct StateMachineRecord: Sendable, Equatable {
    /// STANDARD or EXPRESS (asl-reference §8, CreateStateMachine).
    package enum Kind: String, Sendable {
        case standard = "STANDARD"
        case express = "EXPRESS"
    }

    /// ACTIVE, or DELETING while executions of a deleted machine still run.
    package enum Status: String, Sendable {
        case active = "ACTIVE"
        case deleting = "DELETING"
    }

    package var name: String
    package var arn: String
    package var definition: String
    package var type: Kind
    package var roleArn: String
    package var revisionId: String
    package var creationDate: Date
    package var updateDate: Date?
    package var status: Status
    package var tags: [String: String]
    /// The current revision's logging, tracing and encryption configurations, as AWS answers them
    /// (`loggingConfiguration`, `tracingConfiguration`, `encryptionConfiguration`; absent ones absent).
    package var configuration: JSONObject = [:]

    package init(
        name: String, arn: String, definition: String, type: Kind = .standard, roleArn: String,
        revisionId: String, creationDate: Date, updateDate: Date? = nil, status: Status = .active,
        tags: [String: String] = [:]
    ) {
        self.name = name
        self.arn = arn
        self.definition = definition
        self.type = type
        self.roleArn = roleArn
        self.revisionId = revisionId
        self.creationDate = creationDate
        self.updateDate = updateDate
        self.status = status
        self.tags = tags
    }
}

/// One revision of a state machine's definition (every create and update makes one).
package struct StateMachineRevision: Sendable, Equatable {
    package var arn: String
    package var revisionId: String
    package var definition: String
    package var roleArn: String
    package var creationDate: Date
    /// The revision's configurations (see ``StateMachineRecord/configuration``).
    package var configuration: JSONObject = [:]

    package init(arn: String, revisionId: String, definition: String, roleArn: String, creationDate: Date) {
        self.arn = arn
        self.revisionId = revisionId
        self.definition = definition
        self.roleArn = roleArn
        self.creationDate = creationDate
    }
}
