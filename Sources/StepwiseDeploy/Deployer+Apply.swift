import JSON

extension Deployer {
    /// What applying one plan did: a line per change made, and the failure that stopped it, if one did.
    package struct Outcome: Sendable {
        package var lines: [String] = []
        package var failure: String?
    }

    /// Applies one state machine's plan: create, update or publish, then point the alias at the version. Stops
    /// at the first refusal; what is done stays done, and the next run plans the rest.
    package func apply(_ plan: MachinePlan) async -> Outcome {
        var outcome = Outcome()
        let name = plan.workflow.name
        do throws(APIError) {
            let (arn, versionArn) = try await applyMachine(plan, &outcome)
            guard let alias = plan.alias, alias.change != .unchanged else { return outcome }
            let version = Self.describeVersion(versionArn)
            let routing: JSON = [["stateMachineVersionArn": .string(versionArn), "weight": 100]]
            if alias.change == .create {
                _ = try await client.call("CreateStateMachineAlias", ["name": .string(alias.name), "routingConfiguration": routing])
                outcome.lines.append("\(name): alias \(alias.name) created → \(version)")
            } else {
                _ = try await client.call(
                    "UpdateStateMachineAlias", ["stateMachineAliasArn": .string("\(arn):\(alias.name)"), "routingConfiguration": routing])
                outcome.lines.append("\(name): alias \(alias.name) moved → \(version)")
            }
        } catch {
            outcome.failure = "\(name): \(error)"
        }
        return outcome
    }

    /// The state machine's part: answers its ARN and the ARN of the version holding the definition.
    func applyMachine(_ plan: MachinePlan, _ outcome: inout Outcome) async throws(APIError) -> (arn: String, versionArn: String) {
        let name = plan.workflow.name
        switch plan.change {
        case .create:
            var members: JSONObject = [
                "name": .string(name), "definition": .string(plan.workflow.definition), "type": "STANDARD", "publish": true,
            ]
            if let role = plan.roleArn { members["roleArn"] = .string(role) }
            let created = try await client.call("CreateStateMachine", members)
            let arn = created["stateMachineArn"]?.stringValue ?? ""
            let versionArn = created["stateMachineVersionArn"]?.stringValue ?? ""
            outcome.lines.append("\(name): created \(arn), \(Self.describeVersion(versionArn))")
            return (arn, versionArn)
        case .update(let what):
            let arn = plan.arn ?? ""
            var members: JSONObject = ["stateMachineArn": .string(arn), "definition": .string(plan.workflow.definition), "publish": true]
            if let role = plan.roleArn { members["roleArn"] = .string(role) }
            let updated = try await client.call("UpdateStateMachine", members)
            let versionArn = updated["stateMachineVersionArn"]?.stringValue ?? ""
            outcome.lines.append("\(name): updated \(what), published \(Self.describeVersion(versionArn))")
            return (arn, versionArn)
        case .publish:
            let arn = plan.arn ?? ""
            let published = try await client.call("PublishStateMachineVersion", ["stateMachineArn": .string(arn)])
            let versionArn = published["stateMachineVersionArn"]?.stringValue ?? ""
            outcome.lines.append("\(name): published \(Self.describeVersion(versionArn))")
            return (arn, versionArn)
        case .unchanged:
            return (plan.arn ?? "", plan.versionArn ?? "")
        }
    }

    static func describeVersion(_ arn: String) -> String { versionNumber(arn).map { "version \($0)" } ?? arn }
}
