import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseServices
import StepwiseStore

/// `stepwise resume --db PATH`: drives every RUNNING execution of a database to its end.
enum ResumeCommand: Command {
    static let name = "resume"
    static let summary = "Carry on every execution a database has as RUNNING"
    static let help = """
        Usage: stepwise resume --db PATH [--data-dir PATH] [--resources FILE] [--json] [--seed FILE | --no-seed]

        Resumes every execution the database has as RUNNING (left so by a crash, a kill or a stopped server)
        from its last recorded step, and waits until all of them end. Waits keep their original deadlines,
        retries their counts; tasks that were in flight run again. Prints one line per execution:
          NAME: STATUS
        --data-dir PATH is where the local AWS services keep their data (default .stepwise), as for `run`.
        --resources FILE runs Tasks with the local commands and HTTP endpoints mapped in this file, as for `run`
        (a command that was running when the process died is started again).
        --json prints one object per execution: {"name", "status", "output", "error", "cause"}.
        \(SeedOption.help(default: "the seed file the data directory was last seeded from"))
        An execution that cannot be resumed (an unreadable record) or recorded (a full disk) is reported on
        stderr and stays RUNNING; the others go on. Exit status: 0 when every execution was resumed and
        recorded to its end, 1 otherwise, 2 when the database cannot be used.
        """
    static let options: [OptionSpec] = [.value("db"), .value("data-dir"), .value("resources"), .flag("json")] + SeedOption.options

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard let (path, host) = await openHost(arguments, command: name, help: help, &output) else { return 2 }
        let store = host.durableRuntime.store
        let durable = host.durableRuntime
        var status: Int32 = 0
        var executions: [Execution] = []
        do {
            for record in try await store.runningExecutions() {
                do {
                    executions.append(try await durable.resume(record))
                } catch {
                    // One unreadable record must not keep the others from resuming; it stays RUNNING.
                    output.error("stepwise resume: cannot resume \(record.name) (\(record.arn)): \(RunCommand.message(of: error)); it stays RUNNING")
                    status = 1
                }
            }
        } catch {
            output.error("stepwise resume: \(RunCommand.message(of: error))")
            try? await durable.close()
            return 2
        }
        let resumed = executions
        let interrupt = Interrupt { _ in
            Task { for execution in resumed { await execution.stop(cause: "Stopped from the command line (interrupt)") } }
        }
        defer { interrupt.cancel() }
        for execution in executions {
            let result = await execution.result
            if let text = await Unrecorded.message(execution, durable, database: path) {
                output.error("stepwise resume: \(text)")
                status = 1
                continue
            }
            output.print(
                arguments.flag("json")
                    ? RunCommand.summary(result, name: execution.name, history: []).serialized()
                    : "\(execution.name): \(result.status.rawValue)")
        }
        do { try await durable.close() } catch {
            // After an unrecorded execution the final flush fails too; its message already says what to do.
            guard status == 0 else { return status }
            output.error("stepwise resume: \(RunCommand.message(of: error))")
            return 2
        }
        return status
    }

    /// What `resume` and `redrive` start with: the `--db` database (required) opened, and a host on it with the
    /// data directory's local services and seed and the `--resources` file; nil (and the error printed) when
    /// any of that fails. Each execution runs on the clock it started with (recorded with it).
    static func openHost(_ arguments: ParsedArguments, command: String, help: String, _ output: inout Output) async -> (String, RuntimeHost)? {
        guard let path = arguments.value("db") else {
            output.error("stepwise \(command): --db PATH is required\n\n\(help)")
            return nil
        }
        let dataDirectory = arguments.value("data-dir") ?? DataDirectory.defaultPath
        let seedFile: String?
        do {
            seedFile = try SeedOption.file(arguments, default: (try? SeedManifest.read(DataDirectory(path: dataDirectory)))?.seedFile)
        } catch {
            output.error("stepwise \(command): \(error.message)\n\n\(help)")
            return nil
        }
        let store: Store
        do {
            store = try await DatabaseOptions.open(path)
        } catch {
            output.error("stepwise \(command): \(error.message)")
            return nil
        }
        let host: RuntimeHost
        do {
            host = try await RuntimeHost(
                HostOptions(
                    clock: .real, database: .store(store), dataDirectory: dataDirectory, seedFile: seedFile,
                    integrations: .command(resources: arguments.value("resources")), resumeInterval: nil))
        } catch {
            output.error("stepwise \(command): \(error)")
            try? await store.close()
            return nil
        }
        SeedOption.tell(host.seeding, dataDirectory: dataDirectory, seedFile: seedFile)
        return (path, host)
    }
}
