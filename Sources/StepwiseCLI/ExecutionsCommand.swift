import Foundation
import JSON
import Stepwise
import StepwiseStore

/// `stepwise executions --db PATH`: lists the executions a database holds, newest first.
enum ExecutionsCommand: Command {
    static let name = "executions"
    static let summary = "List the executions recorded in a database"
    static let help = """
        Usage: stepwise executions --db PATH [--status STATUS] [--json]

        Lists the executions in the database, newest first.

        Options:
          --db PATH        the SQLite database written by `stepwise run --db` or `stepwise serve`
          --status STATUS  only RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED executions
          --json           print ListExecutions' response shape: {"executions": [...]}
        """
    static let options: [OptionSpec] = [.value("db"), .value("status"), .flag("json")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard let path = arguments.value("db") else {
            output.error("stepwise executions: --db PATH is required\n\n\(help)")
            return 2
        }
        var status: ExecutionRecord.Status?
        if let text = arguments.value("status") {
            guard let parsed = ExecutionRecord.Status(rawValue: text.uppercased()) else {
                output.error("stepwise executions: unknown status '\(text)'")
                return 2
            }
            status = parsed
        }
        do {
            let store = try await DatabaseOptions.open(path, readOnly: true)
            let executions = try await allExecutions(store, status: status)
            try await store.close()
            output.print(arguments.flag("json") ? json(executions).serialized(.pretty) : table(executions))
            return 0
        } catch {
            output.error("stepwise executions: \(RunCommand.message(of: error))")
            return 2
        }
    }

    static func allExecutions(_ store: Store, status: ExecutionRecord.Status?) async throws -> [ExecutionSummary] {
        var all: [ExecutionSummary] = []
        var token: String?
        repeat {
            let page = try await store.listExecutions(status: status, maxResults: 1000, nextToken: token)
            all += page.items
            token = page.nextToken
        } while token != nil
        return all
    }

    static func json(_ executions: [ExecutionSummary]) -> JSON {
        .object([
            "executions": .array(
                executions.map { summary in
                    var object: JSONObject = [
                        "executionArn": .string(summary.arn), "stateMachineArn": .string(summary.stateMachineArn), "name": .string(summary.name),
                        "status": .string(summary.status.rawValue), "startDate": .double(summary.startDate.timeIntervalSince1970),
                    ]
                    if let stop = summary.stopDate { object["stopDate"] = .double(stop.timeIntervalSince1970) }
                    return .object(object)
                })
        ])
    }

    static func table(_ executions: [ExecutionSummary]) -> String {
        let formatter = ISO8601DateFormatter()
        var lines = ["NAME                                  STATUS     STATE MACHINE         STARTED               STOPPED"]
        for summary in executions {
            let machine = summary.stateMachineArn.split(separator: ":").last.map(String.init) ?? ""
            lines.append(
                [
                    summary.name.padding(toLength: 37, withPad: " ", startingAt: 0),
                    summary.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
                    machine.padding(toLength: 21, withPad: " ", startingAt: 0), formatter.string(from: summary.startDate),
                    summary.stopDate.map { formatter.string(from: $0) } ?? "-",
                ].joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
