import Foundation
import JSON
import Stepwise
import StepwiseStore

/// `stepwise history JOB_ID --db PATH`: prints the stored history of one execution.
enum HistoryCommand: Command {
    static let name = "history"
    static let summary = "Print the stored history of an execution"
    static let help = """
        Usage: stepwise history JOB_ID --db PATH [--json]

        Prints the history of the execution named JOB_ID (or with that ARN, a Distributed Map's child's too) as a
        table: id, elapsed time, type, state, short detail. --json prints GetExecutionHistory's response: {"events": [...]}.
        """
    static let options: [OptionSpec] = [.value("db"), .flag("json")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.count == 1, let job = arguments.positionals.first, let path = arguments.value("db") else {
            output.error("stepwise history: expected JOB_ID and --db PATH\n\n\(help)")
            return 2
        }
        do {
            let store = try await DatabaseOptions.open(path, readOnly: true)
            defer { Task { try? await store.close() } }
            guard let record = try await Self.record(job, in: store) else {
                output.error("stepwise history: Execution Does Not Exist: '\(job)'")
                return 1
            }
            let events = try await store.allEvents(arn: record.arn)
            output.print(arguments.flag("json") ? JSON.object(["events": .array(events)]).serialized(.pretty) : table(events))
            return 0
        } catch {
            output.error("stepwise history: \(RunCommand.message(of: error))")
            return 2
        }
    }

    /// The execution named `job`, or with that ARN (a Distributed Map's child's too).
    static func record(_ job: String, in store: Store) async throws -> ExecutionRecord? {
        if let record = try await store.execution(nameOrArn: job) { return record }
        return job.hasPrefix("arn:") ? try await store.mapRunExecution(arn: job) : nil
    }

    /// The same table as `stepwise run --history`, from stored events.
    static func table(_ events: [JSON]) -> String {
        let start = events.first?["timestamp"]?.doubleValue ?? 0
        var lines = ["   ID  ELAPSED     TYPE                           STATE                DETAIL"]
        for event in events {
            let type = event["type"]?.stringValue ?? ""
            let details = event.objectValue?.first { $0.key.hasSuffix("EventDetails") }?.value
            let elapsed = String(format: "%9.3fs", (event["timestamp"]?.doubleValue ?? start) - start)
            let state = (details?["name"]?.stringValue ?? "").padding(toLength: 20, withPad: " ", startingAt: 0)
            var detail = [details?["error"]?.stringValue, details?["cause"]?.stringValue, details?["output"]?.stringValue]
                .compactMap { $0 }.joined(separator: ": ")
            if detail.count > 60 { detail = String(detail.prefix(57)) + "..." }
            lines.append(
                String(format: "%5d", event["id"]?.intValue ?? 0)
                    + "  \(elapsed)  \(type.padding(toLength: 30, withPad: " ", startingAt: 0)) \(state) \(detail)")
        }
        return lines.joined(separator: "\n")
    }
}
