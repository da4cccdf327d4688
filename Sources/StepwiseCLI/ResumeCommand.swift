import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import StepwiseServices
import StepwiseStore

/// `stepwise resume --db PATH`: drives every RUNNING execution of a database to its end.
enum ResumeCommand: Command {
    static let name = "resume"
    static let summary = "Carry on every execution a database has as RUNNING"
    static let help = """
        Usage: stepwise resume --db PATH [--data-dir PATH] [--resources FILE] [--json]

        Resumes every execution the database has as RUNNING (left so by a crash, a kill or a stopped server)
        from its last recorded step, and waits until all of them end. Waits keep their original deadlines,
        retries their counts; tasks that were in flight run again. Prints one line per execution:
          NAME: STATUS
        --data-dir PATH is where the local AWS services keep their data (default .stepwise), as for `run`.
        --resources FILE runs Tasks with the local commands and HTTP endpoints mapped in this file, as for `run`
        (a command that was running when the process died is started again).
        --json prints one object per execution: {"name", "status", "output", "error", "cause"}.
        """
    static let options: [OptionSpec] = [.value("db"), .value("data-dir"), .value("resources"), .flag("json")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard let path = arguments.value("db") else {
            output.error("stepwise resume: --db PATH is required\n\n\(help)")
            return 2
        }
        do {
            // An execution resumes on the clock it started with.
            let dataDirectory = DataDirectory(path: arguments.value("data-dir") ?? DataDirectory.defaultPath)
            let runtimes = [Runtime(clock: .virtual), Runtime(clock: .real)]
            for runtime in runtimes {
                LocalServices.install(dataDirectory, into: runtime)
                try LocalIntegrations.configure(runtime, mockConfig: nil, testCase: nil, stateMachineName: "", resources: arguments.value("resources"))
            }
            let store = try await DatabaseOptions.open(path)
            let virtual = DurableRuntime(store: store, runtime: runtimes[0])
            let real = DurableRuntime(store: store, runtime: runtimes[1])
            var executions: [Execution] = []
            for record in try await store.runningExecutions() {
                executions.append(try await (record.virtualTime ? virtual : real).resume(record))
            }
            let resumed = executions
            let interrupt = Interrupt { _ in Task { for execution in resumed { await execution.stop(cause: "Stopped from the command line (interrupt)") } } }
            defer { interrupt.cancel() }
            for execution in executions {
                let result = await execution.result
                output.print(arguments.flag("json") ? RunCommand.summary(result, name: execution.name, history: []).serialized()
                    : "\(execution.name): \(result.status.rawValue)")
            }
            try await closeAll(virtual, real)
            return 0
        } catch {
            output.error("stepwise resume: \(RunCommand.message(of: error))")
            return 2
        }
    }

    /// Both runtimes share the store: drain both journals, then close it once.
    static func closeAll(_ first: DurableRuntime, _ second: DurableRuntime) async throws {
        try await first.drain()
        try await second.close()
    }
}
