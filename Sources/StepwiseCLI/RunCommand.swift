import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseServices
import StepwiseStore

/// `stepwise run FILE`: runs one execution of a definition file and reports its outcome.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "Run a workflow and print its output"
    static let help = """
        Usage: stepwise run FILE [--input JSON|@PATH|-] [--name JOB_ID] [--db PATH] [--virtual-time] [--json] [--history]
                                 [--data-dir PATH] [--mock-config FILE --test-case NAME] [--state-machine-name NAME]
                                 [--resources FILE] [--seed FILE | --no-seed]

        Runs one execution of the ASL definition in FILE. The state machine is named after the file
        (without .asl.json or .json), unless --state-machine-name says otherwise.

        Options:
          --input V        the execution input: JSON text, @PATH to read a file, or - for standard input (default {})
          --name JOB_ID    the execution name (default: a UUID)
          --db PATH        record the execution and its history in this SQLite database (created if missing);
                           if the process dies, `stepwise resume --db PATH` carries the execution on. Without
                           --db the run stays in memory. Ctrl-C stops the execution cleanly (ABORTED). If the
                           database cannot be written (a full disk), the run stops and exits 1, leaving the execution
                           RUNNING at its last recorded step for `stepwise resume`. One process writes a database at
                           a time.
          --virtual-time   Waits, retry backoffs and timeouts complete at once; timestamps advance as in a real run
          --json           print one object {name, status, output, error, cause, startDate, stopDate, events}
          --history        after the run, print the history as a table (id, elapsed, type, state, detail)
          --data-dir PATH  where the local AWS services (S3, DynamoDB, RDS Data API, catalogue) keep data (default .stepwise)
          --mock-config F  a Step Functions Local mock config file; with --test-case NAME, the Task states that test
                           case names return or throw its mocked responses (docs/integrations.md)
          --test-case NAME the test case of the state machine in the mock config file
          --state-machine-name NAME  the state machine's name (its ARN, and its entry in the mock config file)
          --resources F    run Tasks with the local commands and HTTP endpoints mapped in this file
        \(SeedOption.help(default: "the stepwise.json beside FILE, if any"))
        On a terminal (stderr), without --json, a running workflow shows its progress: the current state, Map and
        Distributed Map items and child executions done, failed and running, the branches of a running Parallel,
        retries waiting (state, attempt, next try); at the end one summary line (status, duration, states entered,
        events, items).
        Exit status: 0 when the execution succeeds, 1 when it fails, times out or is aborted, 2 on a usage error
        or an invalid definition.
        """
    static let options: [OptionSpec] =
        [
            .value("input"), .value("name"), .value("db"), .flag("virtual-time"), .flag("json"), .flag("history"),
            .value("data-dir"),
            .value("mock-config"), .value("test-case"), .value("state-machine-name"), .value("resources"),
        ] + SeedOption.options

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            output.error("stepwise run: expected exactly one FILE\n\n\(help)")
            return 2
        }
        let machine: StateMachine
        let input: JSON
        let definition: String
        do {
            definition = try readText(path)
            machine = try StateMachine(text: definition, name: arguments.value("state-machine-name") ?? machineName(path))
            input = try readInput(arguments.value("input"), output.stdin)
        } catch let error as DefinitionError {
            for diagnostic in error.diagnostics { output.error("\(path): \(diagnostic)") }
            return 2
        } catch let error as FileError {
            output.error("stepwise run: \(path): \(error.message)")
            return 2
        } catch {
            output.error("stepwise run: \((error as? UsageError)?.message ?? "\(error)")")
            return 2
        }
        let database = arguments.value("db")
        let host: RuntimeHost
        let options: HostOptions
        do {
            options = try hostOptions(
                arguments, stateMachineName: machine.name,
                seedFile: SeedOption.file(arguments, default: SeedOption.settings(in: (path as NSString).deletingLastPathComponent)))
            host = try await RuntimeHost(options)
        } catch let error as UsageError {
            output.error("stepwise run: \(error.message)\n\n\(help)")
            return 2
        } catch let error as ConfigFileError {
            output.error("stepwise run: \(error)")
            return 2
        } catch let error as SeedError {
            output.error("stepwise run: \(error)")
            return 2
        } catch {
            output.error("stepwise run: \(DatabaseOptions.message(opening: error, path: database ?? ""))")
            return 1
        }
        SeedOption.tell(host.seeding, dataDirectory: options.dataDirectory ?? "", seedFile: options.seedFile)
        let durable = host.durable
        let execution: Execution
        do {
            if let durable {
                let (arn, revisionId) = try await durable.registerStateMachine(machine, definition: definition)
                execution = try await durable.start(
                    machine, definition: definition, input: input, name: arguments.value("name"), stateMachineArn: arn, revisionId: revisionId)
            } else {
                execution = try await host.runtime.start(machine, input: input, name: arguments.value("name"))
            }
        } catch {
            output.error("stepwise run: \(message(of: error))")
            try? await durable?.close()
            return 1
        }
        let interrupt = Interrupt { _ in Task { await execution.stop(cause: "Stopped from the command line (interrupt)") } }
        defer { interrupt.cancel() }
        let progress =
            Progress.isTerminal && !arguments.flag("json") ? Task { await Progress(machine: machine, execution: execution).follow(execution) } : nil
        let result = await execution.result
        await progress?.value
        let history = await execution.history
        if let durable, let database, let text = await Unrecorded.message(execution, durable, database: database) {
            output.error("stepwise run: \(text)")
            try? await durable.close()
            return 1
        }
        do { try await durable?.close() } catch { output.error("stepwise run: \(message(of: error))") }
        report(result, name: execution.name, history: history, arguments, &output)
        return result.status == .succeeded ? 0 : 1
    }

    /// The runtime `run` asks for: the clock, the data directory's local services and seed, the mock config's test
    /// case and the resources file, recorded in the `--db` database when there is one.
    static func hostOptions(_ arguments: ParsedArguments, stateMachineName: String, seedFile: String?) -> HostOptions {
        HostOptions(
            clock: arguments.flag("virtual-time") ? .virtual : .real, database: arguments.value("db").map { .file($0) } ?? .none,
            dataDirectory: arguments.value("data-dir") ?? DataDirectory.defaultPath, seedFile: seedFile,
            integrations: .command(
                resources: arguments.value("resources"), mockConfig: arguments.value("mock-config"), testCase: arguments.value("test-case"),
                stateMachineName: stateMachineName),
            resumeInterval: nil)
    }

    static func report(_ result: ExecutionResult, name: String, history: [HistoryEvent], _ arguments: ParsedArguments, _ output: inout Output) {
        if arguments.flag("json") {
            output.print(summary(result, name: name, history: history).serialized())
        } else if result.status == .succeeded {
            output.print((result.output ?? .null).serialized(.pretty))
        } else {
            // STATUS: Error: Cause, with what is missing left out at the end (a cause keeps its place after an
            // empty error, so the line always reads the same way).
            let parts =
                result.cause.map { [result.status.rawValue, result.error ?? "", $0] } ?? [result.status.rawValue] + [result.error].compactMap { $0 }
            output.error(parts.joined(separator: ": "))
        }
        guard arguments.flag("history") else { return }
        // With --json, stdout stays one JSON document (it already holds the events): the table goes to stderr.
        if arguments.flag("json") { output.error(HistoryTable.render(history)) } else { output.print(HistoryTable.render(history)) }
    }

    static func summary(_ result: ExecutionResult, name: String, history: [HistoryEvent]) -> JSON {
        [
            "name": .string(name), "status": .string(result.status.rawValue), "output": result.output ?? .null,
            "error": result.error.map(JSON.string) ?? .null, "cause": result.cause.map(JSON.string) ?? .null,
            "startDate": .double(result.startDate.timeIntervalSince1970),
            "stopDate": result.stopDate.map { .double($0.timeIntervalSince1970) } ?? .null,
            "events": .array(history.map { $0.json() }),
        ]
    }

    static func message(of error: any Error) -> String {
        switch error {
        case let error as StartError: error.message
        case let error as StoreError: error.kind == .alreadyExists ? "Execution Already Exists: \(error.message)" : error.message
        case let error as FileError: error.message
        default: "\(error)"
        }
    }

    /// The file name without `.asl.json` / `.json`.
    static func machineName(_ path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".asl.json", ".json"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        return ExecutionName.isValid(name) ? name : "StateMachine"
    }

    /// `--input` (or another `option`): JSON text, `@PATH`, or `-` for standard input; `{}` when absent.
    static func readInput(_ value: String?, _ stdin: @escaping @Sendable () -> Data, option: String = "input") throws -> JSON {
        guard let value else { return .object(JSONObject()) }
        let text: String
        if value == "-" {
            text = try readText("-", stdin: stdin)
        } else if value.hasPrefix("@") {
            text = try readText(String(value.dropFirst()))
        } else {
            text = value
        }
        do { return try JSON(parsing: text) } catch { throw UsageError(message: "--\(option) is not JSON: \(error)") }
    }
}
