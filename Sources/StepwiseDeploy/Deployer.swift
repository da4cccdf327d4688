import JSON

/// Deploys workflows to one Step Functions endpoint: reads what the account holds, plans, applies.
///
/// Every decision is taken from the account's state, never from a record of earlier runs, so a run that
/// stopped midway (a machine updated, its alias not moved) is finished by the next one.
package struct Deployer: Sendable {
    package let client: StepFunctionsClient
    /// The alias to point at each state machine's deployed version, if any.
    package var alias: String?
    /// `--role-arn`: the role of every state machine, which wins over the settings beside the files.
    package var roleArn: String?
    /// The role of a state machine created without one (a placeholder for a local endpoint; nil on AWS).
    package var fallbackRoleArn: String?
    /// ListStateMachines's `maxResults` (AWS's maximum).
    package var pageSize = 1000

    package init(client: StepFunctionsClient, alias: String?, roleArn: String?, fallbackRoleArn: String?) {
        self.client = client
        self.alias = alias
        self.roleArn = roleArn
        self.fallbackRoleArn = fallbackRoleArn
    }

    /// What deploying `workflows` would do, in their order.
    package func plan(_ workflows: [Workflow]) async throws(APIError) -> [MachinePlan] {
        let existing = try await stateMachines()
        var plans: [MachinePlan] = []
        for workflow in workflows { plans.append(try await plan(workflow, arn: existing[workflow.name])) }
        return plans
    }

    /// The account's state machines, ARN by name, from every page of ListStateMachines.
    func stateMachines() async throws(APIError) -> [String: String] {
        var arns: [String: String] = [:]
        var token: String?
        var pages = 0
        repeat {
            var members: JSONObject = ["maxResults": .int(pageSize)]
            if let token { members["nextToken"] = .string(token) }
            let page = try await client.call("ListStateMachines", members)
            guard let items = page["stateMachines"]?.arrayValue else {
                throw APIError(
                    code: nil,
                    message: "\(client.endpoint.absoluteString) is not a Step Functions endpoint: ListStateMachines answered without stateMachines")
            }
            for item in items {
                if let name = item["name"]?.stringValue, let arn = item["stateMachineArn"]?.stringValue { arns[name] = arn }
            }
            let next = page["nextToken"]?.stringValue
            if let next, next == token {
                throw APIError(code: nil, message: "\(client.endpoint.absoluteString): ListStateMachines answered the same nextToken twice")
            }
            token = next
            pages += 1
        } while token != nil && pages < 10_000
        return arns
    }

    func plan(_ workflow: Workflow, arn: String?) async throws(APIError) -> MachinePlan {
        let wantedRole = roleArn ?? workflow.roleArn
        var plan = MachinePlan(workflow: workflow, change: .create, arn: arn, roleArn: wantedRole ?? fallbackRoleArn, version: 1)
        guard let arn else {
            plan.alias = alias.map { AliasPlan(name: $0, change: .create) }
            return plan
        }
        let machine = try await revision(arn)
        let latest = try await latestVersion(of: arn)
        var changed: [String] = []
        if machine.definition != workflow.definition { changed.append("definition") }
        if let wantedRole, machine.roleArn != wantedRole { changed.append("role") }
        plan.roleArn = changed.contains("role") ? wantedRole : nil
        if !changed.isEmpty {
            plan.change = .update(what: changed.joined(separator: " and "))
        } else if let latest, latest.revision == machine {
            plan.change = .unchanged
            plan.versionArn = latest.arn
        } else {
            plan.change = .publish
        }
        plan.version = plan.change == .unchanged ? latest?.number ?? 0 : (latest?.number ?? 0) + 1
        if let alias { plan.alias = try await self.plan(alias: alias, of: arn, target: plan.versionArn) }
        return plan
    }

    /// What a state machine or a version holds: the parts a deploy sets.
    struct Revision: Equatable {
        var definition: String?
        var roleArn: String?
    }

    func revision(_ arn: String) async throws(APIError) -> Revision {
        let machine = try await client.call("DescribeStateMachine", ["stateMachineArn": .string(arn)])
        return Revision(definition: machine["definition"]?.stringValue, roleArn: machine["roleArn"]?.stringValue)
    }

    /// The newest version of a state machine (ListStateMachineVersions lists newest first), if any.
    func latestVersion(of arn: String) async throws(APIError) -> (number: Int, arn: String, revision: Revision)? {
        let page = try await client.call("ListStateMachineVersions", ["stateMachineArn": .string(arn), "maxResults": 1])
        guard let versionArn = page["stateMachineVersions"]?[0]?["stateMachineVersionArn"]?.stringValue,
            let number = Self.versionNumber(versionArn)
        else { return nil }
        return (number, versionArn, try await revision(versionArn))
    }

    /// The alias's change: none when it routes everything to `target` (the latest version, when it already holds
    /// the definition), else create it or move it.
    func plan(alias name: String, of arn: String, target: String?) async throws(APIError) -> AliasPlan {
        let routing: [JSON]
        do throws(APIError) {
            let alias = try await client.call("DescribeStateMachineAlias", ["stateMachineAliasArn": .string("\(arn):\(name)")])
            routing = alias["routingConfiguration"]?.arrayValue ?? []
        } catch let error where error.code == "ResourceNotFound" {
            return AliasPlan(name: name, change: .create)
        }
        if let target, routing.count == 1, routing[0]["stateMachineVersionArn"]?.stringValue == target, routing[0]["weight"] == 100 {
            return AliasPlan(name: name, change: .unchanged)
        }
        return AliasPlan(name: name, change: .move(from: Self.describe(routing)))
    }

    /// A routing in words: `version 2`, or `version 2 (90%), version 3 (10%)`.
    static func describe(_ routing: [JSON]) -> String {
        let routes = routing.map { route in
            (number: (route["stateMachineVersionArn"]?.stringValue).flatMap(versionNumber), weight: route["weight"]?.intValue ?? 0)
        }
        if routes.count == 1, let number = routes[0].number { return "version \(number)" }
        return routes.map { "version \($0.number.map(String.init) ?? "?") (\($0.weight)%)" }.joined(separator: ", ")
    }

    /// The number that ends a version's ARN (`…:stateMachine:NAME:3`).
    static func versionNumber(_ arn: String) -> Int? { arn.split(separator: ":").last.flatMap { Int($0) } }
}
