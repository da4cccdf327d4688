import Foundation
import JSON
import StatesLanguage
import Stepwise
import StepwiseStore

/// What CreateStateMachine asks for.
package struct CreateStateMachineInput: Sendable {
    package var name: String
    package var definition: String
    package var roleArn: String
    package var type: StateMachineRecord.Kind
    package var tags: [String: String]
    /// Publish the first revision as version 1, with this description.
    package var publish: Bool
    package var versionDescription: String?
    /// Its logging, tracing and encryption configurations.
    package var configuration = StateMachineConfigurationInput()

    package init(
        name: String, definition: String, roleArn: String, type: StateMachineRecord.Kind = .standard, tags: [String: String] = [:],
        publish: Bool = false, versionDescription: String? = nil
    ) {
        self.name = name
        self.definition = definition
        self.roleArn = roleArn
        self.type = type
        self.tags = tags
        self.publish = publish
        self.versionDescription = versionDescription
    }
}

/// CreateStateMachine's answer: the state machine, and the version published with it (`publish`).
package struct CreateStateMachineOutput: Sendable, Equatable {
    package var stateMachine: StateMachineRecord
    package var stateMachineVersionArn: String?
}

/// What UpdateStateMachine asks for: a new definition, a new role, or both; and whether to publish the result.
package struct UpdateStateMachineInput: Sendable {
    package var stateMachineArn: String
    package var definition: String?
    package var roleArn: String?
    package var publish: Bool
    package var versionDescription: String?
    /// The configurations that change (the others stay).
    package var configuration = StateMachineConfigurationInput()

    package init(
        stateMachineArn: String, definition: String? = nil, roleArn: String? = nil, publish: Bool = false, versionDescription: String? = nil
    ) {
        self.stateMachineArn = stateMachineArn
        self.definition = definition
        self.roleArn = roleArn
        self.publish = publish
        self.versionDescription = versionDescription
    }
}

/// UpdateStateMachine's answer: when, the revision now current (none shown for a first revision, as on AWS) and
/// the version published.
package struct UpdateStateMachineOutput: Sendable, Equatable {
    package var updateDate: Date
    package var revisionId: String?
    package var stateMachineVersionArn: String?
}

/// What DescribeStateMachine asks for: a state machine's ARN or a version's.
package struct DescribeStateMachineInput: Sendable {
    package var stateMachineArn: String

    package init(stateMachineArn: String) { self.stateMachineArn = stateMachineArn }
}

/// DescribeStateMachine's answer: a state machine, or one of its versions (its ARN, definition, role, revision,
/// creation date and description).
package struct DescribeStateMachineOutput: Sendable, Equatable {
    /// The state machine's ARN, or the version's.
    package var stateMachineArn: String
    package var name: String
    package var status: StateMachineRecord.Status
    package var definition: String
    package var roleArn: String
    package var type: StateMachineRecord.Kind
    package var creationDate: Date
    /// None for a first revision, as on AWS.
    package var revisionId: String?
    /// A version's description.
    package var description: String?
    /// `loggingConfiguration`, `tracingConfiguration` and `encryptionConfiguration` (AWS's defaults filled in).
    package var configuration: JSONObject = [:]
}

/// What DeleteStateMachine asks for.
package struct DeleteStateMachineInput: Sendable {
    package var stateMachineArn: String

    package init(stateMachineArn: String) { self.stateMachineArn = stateMachineArn }
}

/// What a listing asks for: a page size (0 means the default, 100) and the token of the page to read.
package struct PageRequest: Sendable {
    package var maxResults: Int
    package var nextToken: String?

    package init(maxResults: Int = 0, nextToken: String? = nil) {
        self.maxResults = maxResults
        self.nextToken = nextToken
    }
}

/// What ListStateMachines asks for.
package typealias ListStateMachinesInput = PageRequest

/// What DescribeStateMachineForExecution asks for.
package struct DescribeStateMachineForExecutionInput: Sendable {
    package var executionArn: String

    package init(executionArn: String) { self.executionArn = executionArn }
}

/// DescribeStateMachineForExecution's answer: the revision of the state machine the execution runs.
package struct DescribeStateMachineForExecutionOutput: Sendable, Equatable {
    package var stateMachineArn: String
    package var name: String
    package var definition: String
    package var roleArn: String
    package var updateDate: Date
    package var revisionId: String?
    /// `loggingConfiguration`, `tracingConfiguration` and `encryptionConfiguration` of that revision.
    package var configuration: JSONObject = [:]
    /// The Map Run that started the execution, and the label of its Distributed Map.
    package var mapRunArn: String?
    package var label: String?
}

/// What ValidateStateMachineDefinition asks for.
package struct ValidateStateMachineDefinitionInput: Sendable {
    package var definition: String
    package var type: Validator.MachineType
    /// Severity WARNING: warnings are reported beside errors (ERROR, the default, reports errors only).
    package var includeWarnings: Bool
    /// At most this many diagnostics.
    package var maxResults: Int

    package init(
        definition: String, type: Validator.MachineType = .standard, includeWarnings: Bool = false,
        maxResults: Int = ValidationReport.defaultMaxResults
    ) {
        self.definition = definition
        self.type = type
        self.includeWarnings = includeWarnings
        self.maxResults = maxResults
    }
}
