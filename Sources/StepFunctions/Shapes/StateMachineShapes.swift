import Foundation
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

    package init(name: String, definition: String, roleArn: String, type: StateMachineRecord.Kind = .standard, tags: [String: String] = [:]) {
        self.name = name
        self.definition = definition
        self.roleArn = roleArn
        self.type = type
        self.tags = tags
    }
}

/// What UpdateStateMachine asks for: a new definition, a new role, or both.
package struct UpdateStateMachineInput: Sendable {
    package var stateMachineArn: String
    package var definition: String?
    package var roleArn: String?

    package init(stateMachineArn: String, definition: String? = nil, roleArn: String? = nil) {
        self.stateMachineArn = stateMachineArn
        self.definition = definition
        self.roleArn = roleArn
    }
}

/// What DescribeStateMachine asks for.
package struct DescribeStateMachineInput: Sendable {
    package var stateMachineArn: String

    package init(stateMachineArn: String) { self.stateMachineArn = stateMachineArn }
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
