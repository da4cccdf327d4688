import Foundation
import JSON
import StatesLanguage
import Stepwise
import StepwiseGraph
import StepwiseStore

/// `stepwise graph FILE`: the picture of a state machine (SVG, Mermaid or DOT), coloured by an execution.
enum GraphCommand: Command {
    static let name = "graph"
    static let summary = "Draw a state machine (SVG, Mermaid, DOT), coloured by an execution"
    static let help = """
        Usage: stepwise graph FILE [--format svg|mermaid|dot] [--db PATH --execution NAME_OR_ARN] [--output PATH]
               stepwise graph --db PATH --execution NAME_OR_ARN [--format …] [--output PATH]

        Draws the ASL definition in FILE (- reads standard input): states, transitions (Choice rules and Default, Catch), Retry marks,
        Parallel branches and Map item processors as nested boxes. With --execution, each state is coloured by what
        happened to it in that stored execution: succeeded, failed, caught, retried, running, aborted, not reached;
        without FILE, the definition the execution ran is drawn.

        Options:
          --format F             svg (default: a self-contained SVG document), mermaid (a flowchart) or dot (Graphviz)
          --db PATH              the database `stepwise run --db` or `stepwise serve --db` recorded executions in
          --execution NAME_OR_ARN  the execution to colour by (its name or ARN, a Distributed Map child's ARN too)
          --output PATH          write the picture to PATH instead of standard output
        Exit status: 0 on success, 1 when the execution does not exist, 2 on a usage error, an unreadable file or an
        invalid definition (printed as `FILE: CODE: message at /location`, as `stepwise validate` does).
        """
    static let options: [OptionSpec] = [.value("format"), .value("db"), .value("execution"), .value("output")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        do throws(Failure) {
            guard let format = GraphFormat(rawValue: (arguments.value("format") ?? "svg").lowercased()) else {
                throw Failure(["stepwise graph: --format must be svg, mermaid or dot"])
            }
            let file = arguments.positionals.first
            let execution = arguments.value("execution")
            guard arguments.positionals.count <= 1, (arguments.value("db") == nil) == (execution == nil), file != nil || execution != nil else {
                throw Failure(["stepwise graph: expected FILE, or --db PATH and --execution NAME_OR_ARN, or both\n\n\(help)"])
            }
            var stored: (definition: String, events: [JSON])?
            if let database = arguments.value("db"), let execution { stored = try await storedRun(execution, in: database) }
            let definition = try parse(file, stored?.definition, execution: execution ?? "", stdin: output.stdin)
            let graph = Graph(definition)
            let picture = graph.rendered(as: format, colouring: stored.map { ExecutionColouring(graph: graph, json: $0.events) })
            return write(picture, to: arguments.value("output"), &output)
        } catch {
            for line in error.lines { output.error(line) }
            return error.status
        }
    }

    /// What the command prints on stderr instead of a picture, and its exit status.
    struct Failure: Error {
        var lines: [String]
        var status: Int32 = 2

        init(_ lines: [String], status: Int32 = 2) {
            self.lines = lines
            self.status = status
        }
    }

    /// The definition an execution ran and its history's events.
    static func storedRun(_ execution: String, in database: String) async throws(Failure) -> (definition: String, events: [JSON]) {
        do {
            let store = try await DatabaseOptions.open(database, readOnly: true)
            defer { Task { try? await store.close() } }
            guard let record = try await HistoryCommand.record(execution, in: store) else {
                throw Failure(["stepwise graph: Execution Does Not Exist: '\(execution)'"], status: 1)
            }
            return (record.definition, try await store.allEvents(arn: record.arn))
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(["stepwise graph: \(RunCommand.message(of: error))"])
        }
    }

    /// FILE's definition, or else the stored one; problems as `stepwise validate` prints them.
    static func parse(_ file: String?, _ stored: String?, execution: String, stdin: @escaping @Sendable () -> Data) throws(Failure)
        -> StateMachineDefinition
    {
        let source = file ?? "execution '\(execution)'"
        do {
            return try StateMachineDefinition(text: try file.map { path throws(FileError) in try readText(path, stdin: stdin) } ?? stored ?? "")
        } catch let error as DefinitionError {
            throw Failure(error.diagnostics.map { "\(source): \($0)" })
        } catch {
            throw Failure(["stepwise graph: \(source): \(RunCommand.message(of: error))"])
        }
    }

    /// Standard output, or the file named by --output.
    static func write(_ picture: String, to path: String?, _ output: inout Output) -> Int32 {
        guard let path else {
            output.print(String(picture.dropLast()))
            return 0
        }
        do {
            try Data(picture.utf8).write(to: URL(fileURLWithPath: path))
            return 0
        } catch {
            output.error("stepwise graph: cannot write \(path): \((error as NSError).localizedDescription)")
            return 2
        }
    }
}
