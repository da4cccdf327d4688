import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseServices

/// `stepwise test-state FILE`: runs one state once, as AWS's TestState API does, and reports how it ended.
enum TestStateCommand: Command {
    static let name = "test-state"
    static let summary = "Run one state once, as AWS's TestState does"
    static let help = """
        Usage: stepwise test-state FILE [--state NAME] [--input JSON|@PATH|-] [--mock JSON|@PATH]
                                        [--inspection-level INFO|DEBUG|TRACE] [--variables JSON|@PATH] [--context JSON|@PATH]
                                        [--state-configuration JSON|@PATH] [--role-arn ARN] [--reveal-secrets] [--json]
                                        [--data-dir PATH] [--resources FILE]

        FILE holds one state's definition ({"Type": ...}), or a whole state machine with --state NAME (a state
        at any depth). The state runs once and stops: it does not go on to its next state, and a Wait does not wait.

        Options:
          --state NAME          the state of the state machine in FILE to test
          --input V             the state's input: JSON text, @PATH, or - for standard input (default {})
          --mock V              instead of the state's work (Task, Map, Parallel): {"result": R} (R a JSON value,
                                or JSON text as AWS takes it) or {"errorOutput": {"error": E, "cause": C}}
          --inspection-level L  INFO (the outcome), DEBUG (each data-flow stage), TRACE (and an HTTP Task's request
                                and response); default INFO
          --variables V         the variables the state sees (a JSON object)
          --context V           the context object the state sees (with --mock only, as on AWS)
          --state-configuration V  AWS's stateConfiguration: {"retrierRetryCount", "errorCausedByState",
                                "mapIterationFailureCount", "mapItemReaderData"}
          --role-arn ARN        the execution role (default: the local one, so a Task runs without a mock)
          --json                print AWS's TestState response: {status, output, error, cause, nextState, inspectionData}
          --data-dir PATH       where the local AWS services a Task may call keep data (default .stepwise)
          --resources FILE      run Tasks with the local commands and HTTP endpoints mapped in this file
        Exit status: 0 when the state succeeds, 1 when it fails, is retriable or its error is caught, 2 on a usage
        error or a request TestState refuses.
        """
    static let options: [OptionSpec] = [
        .value("state"), .value("input"), .value("mock"), .value("inspection-level"), .value("variables"), .value("context"),
        .value("state-configuration"), .value("role-arn"), .flag("reveal-secrets"), .flag("json"), .value("data-dir"), .value("resources"),
    ]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            output.error("stepwise test-state: expected exactly one FILE\n\n\(help)")
            return 2
        }
        let host: RuntimeHost
        var request: TestStateRequest
        do {
            request = try TestStateArguments.request(definition: try readText(path, stdin: output.stdin), arguments, output.stdin)
            host = try await RuntimeHost(
                HostOptions(
                    dataDirectory: arguments.value("data-dir") ?? DataDirectory.defaultPath,
                    integrations: .command(resources: arguments.value("resources"), stateMachineName: "TestState"), resumeInterval: nil))
        } catch let error as FileError {
            output.error("stepwise test-state: \(path): \(error.message)")
            return 2
        } catch {
            output.error("stepwise test-state: \((error as? UsageError)?.message ?? "\(error)")")
            return 2
        }
        if request.roleArn == nil { request.roleArn = host.runtime.defaultRoleArn }
        let result: TestStateResult
        do { result = try await host.runtime.testState(request) } catch {
            output.error("stepwise test-state: \(error.code): \(error.message)")
            return 2
        }
        output.print(arguments.flag("json") ? result.json().serialized() : TestStateArguments.render(result))
        return result.status == .succeeded ? 0 : 1
    }
}
