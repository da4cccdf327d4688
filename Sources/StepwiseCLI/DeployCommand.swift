import Foundation
import StepFunctions
import StepwiseDeploy

/// `stepwise deploy [DIR|FILE…]`: the same workflow files on any Step Functions endpoint (docs/deployment.md).
enum DeployCommand: Command {
    static let name = "deploy"
    static let summary = "Create or update the state machines of workflow files on AWS (or any endpoint)"
    static let help = """
        Usage: stepwise deploy [DIR|FILE...] [--endpoint-url URL] [--region R] [--profile P] [--role-arn ARN]
                               [--alias NAME] [--dry-run]

        Deploys every NAME.asl.json of each DIR (default: workflows) and each FILE as the state machine NAME:
        validates them all first (nothing is sent if one is invalid), reads the account's state machines, prints
        the plan (create / update / unchanged, the version to publish, the alias to move), then creates or updates
        each one, publishing a version when its definition changed, and points --alias at that version.
        Running it again changes nothing; after a failure it finishes what was left. Credentials, region and
        endpoint come from where the AWS CLI finds them (docs/deployment.md).

        Options:
          --endpoint-url URL  the Step Functions endpoint (default https://states.REGION.amazonaws.com)
          --region R          the region (default AWS_REGION, AWS_DEFAULT_REGION, the profile's region)
          --profile P         the profile of ~/.aws/credentials and ~/.aws/config (default AWS_PROFILE, else default)
          --role-arn ARN      the execution role of the state machines (default: deploy.roleArn of the stepwise.json
                              beside the files; with --endpoint-url, a placeholder role of account 123456789012)
          --alias NAME        the alias to point at each state machine's deployed version
          --dry-run           print the plan and stop
        Exit status: 0 when everything is deployed (or nothing had to be), 1 when a request failed, 2 when the
        files or the settings are refused (nothing is sent then).
        """
    static let options: [OptionSpec] = [
        .value("endpoint-url"), .value("region"), .value("profile"), .value("role-arn"), .value("alias"), .flag("dry-run"),
    ]
    /// The role of state machines created on an endpoint that is not AWS's without a role given.
    static let placeholderRoleArn = "arn:aws:iam::123456789012:role/stepwise-execution"

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        let deployer: Deployer
        let workflows: [Workflow]
        let settings: AWSSettings
        do {
            if let alias = arguments.value("alias") { try StepFunctionsService.checkAliasName(alias) }
            if let role = arguments.value("role-arn") { try DeploySettings.checkRoleArn(role, given: "--role-arn") }
            workflows = try Workflow.find(arguments.positionals.isEmpty ? ["workflows"] : arguments.positionals)
            let problems = workflows.flatMap { $0.problems() }
            guard problems.isEmpty else {
                output.error(problems.joined(separator: "\n"))
                output.error("stepwise deploy: invalid definitions; nothing was sent")
                return 2
            }
            settings = try AWSSettings.resolve(
                AWSSettings.Options(
                    profile: arguments.value("profile"), region: arguments.value("region"), endpointURL: arguments.value("endpoint-url")),
                environment: ProcessInfo.processInfo.environment)
            deployer = Deployer(
                client: StepFunctionsClient(endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials),
                alias: arguments.value("alias"), roleArn: arguments.value("role-arn"), fallbackRoleArn: settings.isAWS ? nil : placeholderRoleArn)
        } catch {
            output.error("stepwise deploy: \(error)")
            return 2
        }
        return await deploy(workflows, with: deployer, settings: settings, dryRun: arguments.flag("dry-run"), &output)
    }

    static func deploy(_ workflows: [Workflow], with deployer: Deployer, settings: AWSSettings, dryRun: Bool, _ output: inout Output) async -> Int32 {
        let plans: [MachinePlan]
        do { plans = try await deployer.plan(workflows) } catch {
            output.error("stepwise deploy: \(error)")
            return 1
        }
        output.print("Plan for \(settings.endpoint.absoluteString) (region \(settings.region), credentials: \(settings.credentialSource)):")
        for plan in plans { output.print("  \(plan.line)") }
        if let missing = MachinePlan.missingRole(plans) {
            output.error("stepwise deploy: \(missing)")
            return 2
        }
        guard plans.contains(where: \.changesSomething) else {
            output.print("Nothing to do: every state machine is up to date.")
            return 0
        }
        if dryRun {
            output.print("Dry run: nothing was changed.")
            return 0
        }
        var failures = 0
        for plan in plans where plan.changesSomething {
            let outcome = await deployer.apply(plan)
            for line in outcome.lines { output.print(line) }
            if let failure = outcome.failure {
                output.error("stepwise deploy: \(failure)")
                failures += 1
            }
        }
        let changed = plans.filter(\.changesSomething).count
        guard failures == 0 else {
            output.error("stepwise deploy: \(failures) of \(changed) state machines failed; run it again to finish what was left")
            return 1
        }
        output.print("Done: \(changed) changed, \(plans.count - changed) unchanged.")
        return 0
    }
}
