import Foundation
import JSON
import StepFunctions
import Stepwise
import StepwiseHost
import StepwiseServices
import StepwiseStore

/// `stepwise redrive JOB_ID --db PATH`: redrives a failed, timed-out or aborted execution and drives it to its end.
enum RedriveCommand: Command {
    static let name = "redrive"
    static let summary = "Redrive a failed execution from the states that did not succeed"
    static let help = """
        Usage: stepwise redrive JOB_ID --db PATH [--data-dir PATH] [--resources FILE] [--json] [--history]
                                [--seed FILE | --no-seed]

        Redrives the execution JOB_ID (its name, or its ARN) of the database, as RedriveExecution does: a FAILED,
        TIMED_OUT or ABORTED execution carries on from the states that did not succeed, with the input they had
        (a Parallel runs again only its failed branches, a Map only its unsuccessful iterations or child
        executions); the states that succeeded are not run again. Its history goes on with ExecutionRedriven.
        Waits for the end and prints as `run` does: the output, or STATUS: Error: Cause on stderr.
        A redrive killed on the way is carried on by `stepwise resume --db PATH`, like any execution.
        --data-dir PATH and --resources FILE are as for `run`; --json and --history print as `run` does.
        \(SeedOption.help(default: "the seed file the data directory was last seeded from"))
        Exit status: 0 when the redriven execution succeeds, 1 when it fails, times out or is aborted again,
        2 when the database cannot be used, the execution does not exist or cannot be redriven
        (ExecutionNotRedrivable and its reason: it is RUNNING or SUCCEEDED, it stopped more than 14 days ago, …).
        """
    static let options: [OptionSpec] =
        [.value("db"), .value("data-dir"), .value("resources"), .flag("json"), .flag("history")] + SeedOption.options

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.count == 1, let job = arguments.positionals.first else {
            output.error("stepwise redrive: expected exactly one JOB_ID\n\n\(help)")
            return 2
        }
        guard let (path, host) = await ResumeCommand.openHost(arguments, command: name, help: help, &output) else { return 2 }
        let durable = host.durableRuntime
        let record: ExecutionRecord
        do {
            guard let found = try await durable.store.execution(nameOrArn: job) else {
                output.error("stepwise redrive: ExecutionDoesNotExist: no execution '\(job)' in \(path)")
                try? await durable.close()
                return 2
            }
            record = found
            if let reason = try await StepFunctionsService.redriveRefusal(record, in: durable.store) {
                output.error("stepwise redrive: ExecutionNotRedrivable: \(reason)")
                try? await durable.close()
                return 2
            }
        } catch {
            output.error("stepwise redrive: \(RunCommand.message(of: error))")
            try? await durable.close()
            return 2
        }
        let execution: Execution
        do {
            execution = try await durable.redrive(arn: record.arn).execution
        } catch {
            output.error("stepwise redrive: \(RunCommand.message(of: error))")
            try? await durable.close()
            return 2
        }
        let interrupt = Interrupt { _ in Task { await execution.stop(cause: "Stopped from the command line (interrupt)") } }
        defer { interrupt.cancel() }
        let result = await execution.result
        let history = await execution.history
        if let text = await Unrecorded.message(execution, durable, database: path) {
            output.error("stepwise redrive: \(text)")
            try? await durable.close()
            return 1
        }
        do { try await durable.close() } catch { output.error("stepwise redrive: \(RunCommand.message(of: error))") }
        RunCommand.report(result, name: execution.name, history: history, arguments, &output)
        return result.status == .succeeded ? 0 : 1
    }
}
