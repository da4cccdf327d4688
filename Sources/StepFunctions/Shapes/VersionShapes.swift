/// What PublishStateMachineVersion asks for.
package struct PublishStateMachineVersionInput: Sendable {
    package var stateMachineArn: String
    /// Publish only if this is the current revision (`INITIAL` for a state machine never updated).
    package var revisionId: String?
    package var description: String?

    package init(stateMachineArn: String, revisionId: String? = nil, description: String? = nil) {
        self.stateMachineArn = stateMachineArn
        self.revisionId = revisionId
        self.description = description
    }
}

/// What ListStateMachineVersions asks for.
package struct ListStateMachineVersionsInput: Sendable {
    package var stateMachineArn: String
    package var page: PageRequest

    package init(stateMachineArn: String, page: PageRequest = PageRequest()) {
        self.stateMachineArn = stateMachineArn
        self.page = page
    }
}

/// What DeleteStateMachineVersion asks for.
package struct DeleteStateMachineVersionInput: Sendable {
    package var stateMachineVersionArn: String

    package init(stateMachineVersionArn: String) { self.stateMachineVersionArn = stateMachineVersionArn }
}

/// One entry of an alias's `routingConfiguration`: a version and the percentage of starts it gets.
package struct RoutingConfigurationItem: Sendable, Equatable {
    package var stateMachineVersionArn: String
    package var weight: Int

    package init(stateMachineVersionArn: String, weight: Int) {
        self.stateMachineVersionArn = stateMachineVersionArn
        self.weight = weight
    }
}

/// What CreateStateMachineAlias asks for.
package struct CreateStateMachineAliasInput: Sendable {
    package var name: String
    package var description: String?
    package var routingConfiguration: [RoutingConfigurationItem]

    package init(name: String, description: String? = nil, routingConfiguration: [RoutingConfigurationItem]) {
        self.name = name
        self.description = description
        self.routingConfiguration = routingConfiguration
    }
}

/// What UpdateStateMachineAlias asks for: a new description, a new routing, or both.
package struct UpdateStateMachineAliasInput: Sendable {
    package var stateMachineAliasArn: String
    package var description: String?
    package var routingConfiguration: [RoutingConfigurationItem]?

    package init(stateMachineAliasArn: String, description: String? = nil, routingConfiguration: [RoutingConfigurationItem]? = nil) {
        self.stateMachineAliasArn = stateMachineAliasArn
        self.description = description
        self.routingConfiguration = routingConfiguration
    }
}

/// What DescribeStateMachineAlias and DeleteStateMachineAlias ask for.
package struct StateMachineAliasInput: Sendable {
    package var stateMachineAliasArn: String

    package init(stateMachineAliasArn: String) { self.stateMachineAliasArn = stateMachineAliasArn }
}

/// What ListStateMachineAliases asks for: a state machine's ARN (its aliases) or a version's (the aliases that
/// route to it).
package typealias ListStateMachineAliasesInput = ListStateMachineVersionsInput
