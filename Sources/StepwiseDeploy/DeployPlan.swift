/// What deploy will do to one state machine, decided from the account's state before any change.
package struct MachinePlan: Sendable {
    package enum Change: Sendable, Equatable {
        /// A new state machine, published as version 1.
        case create
        /// A new definition or role (`what`), published as a new version.
        case update(what: String)
        /// The definition is deployed but no version holds it: publish one.
        case publish
        case unchanged
    }

    package var workflow: Workflow
    package var change: Change
    /// The state machine's ARN when it exists.
    package var arn: String?
    /// The role to give it: on create, or on update when the role changes.
    package var roleArn: String?
    /// The version that will hold the definition: the one to publish (its expected number) or the latest.
    package var version: Int
    /// The latest version's ARN when no version is published.
    package var versionArn: String?
    package var alias: AliasPlan?

    /// The refusal of plans that would create a state machine without a role (on AWS, where no placeholder is
    /// taken), before anything is sent.
    package static func missingRole(_ plans: [MachinePlan]) -> DeployError? {
        guard let missing = plans.first(where: { $0.change == .create && $0.roleArn == nil }) else { return nil }
        return DeployError(
            "\(missing.workflow.name): creating a state machine on AWS needs its execution role: give --role-arn ARN, "
                + "or deploy.roleArn in a stepwise.json beside \(missing.workflow.path); nothing was sent")
    }

    /// Whether applying the plan makes any request.
    package var changesSomething: Bool { change != .unchanged || (alias.map { $0.change != .unchanged } ?? false) }

    /// One line of the plan: `NAME: create, publish version 1; alias live → version 1 (new)`.
    package var line: String {
        let machine =
            switch change {
            case .create: "create, publish version \(version)"
            case .update(let what): "update \(what), publish version \(version)"
            case .publish: "publish version \(version) (definition already deployed)"
            case .unchanged: "unchanged (version \(version))"
            }
        guard let alias else { return "\(workflow.name): \(machine)" }
        let route =
            switch alias.change {
            case .create: "alias \(alias.name) → version \(version) (new)"
            case .move(let from): "alias \(alias.name) → version \(version) (was \(from))"
            case .unchanged: "alias \(alias.name) unchanged (version \(version))"
            }
        return "\(workflow.name): \(machine); \(route)"
    }
}

/// What deploy will do to the alias of one state machine.
package struct AliasPlan: Sendable {
    package enum Change: Sendable, Equatable {
        case create
        /// Route all traffic to the new version instead of `from` (how the alias routes now, in words).
        case move(from: String)
        case unchanged
    }

    package var name: String
    package var change: Change
}
