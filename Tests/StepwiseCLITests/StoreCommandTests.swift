import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

/// `stepwise executions` and `stepwise history` on a database written by `stepwise run --db`.
@Suite("stepwise executions and history", .timeLimit(.minutes(3)))
struct StoreCommandTests {
    static let passThenWait =
        #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"v":1},"Next":"W"},"W":{"Type":"Wait","Seconds":60,"End":true}}}"#
    static let fail = #"{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Bad","Cause":"input"}}}"#

    /// A database with `ok` (SUCCEEDED), then `bad` (FAILED), then `open` (RUNNING, never driven), in that order.
    static func database() async throws -> (path: String, ok: JSON) {
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("runs.db").path
        let good = try RunCommandTests.file(passThenWait, name: "good.asl.json")
        let run = await TestSupport.cli("run", good, "--db", path, "--virtual-time", "--name", "ok", "--json", "--input", #"{"a":1}"#)
        #expect(run.status == 0)
        let bad = await TestSupport.cli("run", try RunCommandTests.file(fail, name: "broken.asl.json"), "--db", path, "--name", "bad")
        #expect(bad.status == 1)
        let store = try await Store(path: path)
        let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:good"
        try await store.createExecution(
            ExecutionRecord(
                arn: "arn:aws:states:us-east-1:123456789012:execution:good:open", name: "open", stateMachineArn: machine, revisionId: nil,
                definition: passThenWait, input: "{}", startDate: Date().addingTimeInterval(10), seed: 1))
        try await store.close()
        return (path, try JSON(parsing: run.stdout))
    }

    /// The stored records, newest first, as the commands should show them.
    static func records(_ path: String) async throws -> [ExecutionRecord] {
        let store = try await Store(path: path, options: Store.Options(readOnly: true))
        var records: [ExecutionRecord] = []
        for name in ["open", "bad", "ok"] { records.append(try #require(try await store.execution(nameOrArn: name))) }
        try await store.close()
        return records
    }

    @Test("executions prints a table of every execution, newest first; --status keeps one status")
    func table() async throws {
        let (path, _) = try await Self.database()
        let records = try await Self.records(path)
        let formatter = ISO8601DateFormatter()
        func row(_ record: ExecutionRecord, machine: String) -> String {
            record.name.padding(toLength: 37, withPad: " ", startingAt: 0) + " "
                + record.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                + " " + machine.padding(toLength: 21, withPad: " ", startingAt: 0) + " " + formatter.string(from: record.startDate) + " "
                + (record.stopDate.map { formatter.string(from: $0) } ?? "-")
        }
        let header = "NAME                                  STATUS     STATE MACHINE         STARTED               STOPPED"
        let all = await TestSupport.cli("executions", "--db", path)
        #expect(all.status == 0)
        #expect(all.stderr.isEmpty)
        #expect(all.stdout == ([header] + zip(records, ["good", "broken", "good"]).map(row)).joined(separator: "\n") + "\n")
        let failed = await TestSupport.cli("executions", "--db", path, "--status", "failed")
        #expect(failed.stdout == "\(header)\n\(row(records[1], machine: "broken"))\n")
        let bogus = await TestSupport.cli("executions", "--db", path, "--status", "bogus")
        #expect(bogus.status == 2)
        #expect(bogus.stderr == "stepwise executions: unknown status 'bogus'\n")
    }

    @Test("executions --json prints ListExecutions' shape, with stopDate only for finished executions")
    func json() async throws {
        let (path, _) = try await Self.database()
        let records = try await Self.records(path)
        let expected: [JSON] = records.map { record in
            var object: JSONObject = [
                "executionArn": .string(record.arn), "stateMachineArn": .string(record.stateMachineArn), "name": .string(record.name),
                "status": .string(record.status.rawValue), "startDate": .double(record.startDate.timeIntervalSince1970),
            ]
            if let stop = record.stopDate { object["stopDate"] = .double(stop.timeIntervalSince1970) }
            return .object(object)
        }
        let all = await TestSupport.cli("executions", "--db", path, "--json")
        #expect(try JSON(parsing: all.stdout) == ["executions": .array(expected)])
        #expect(records.map(\.status) == [.running, .failed, .succeeded])
        let running = await TestSupport.cli("executions", "--db", path, "--json", "--status", "RUNNING")
        #expect(try JSON(parsing: running.stdout) == ["executions": [expected[0]]])
    }

    @Test("history prints the stored events as a table, with elapsed times and details")
    func historyTable() async throws {
        let (path, _) = try await Self.database()
        let result = await TestSupport.cli("history", "ok", "--db", path)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                   ID  ELAPSED     TYPE                           STATE                DETAIL
                    1      0.000s  ExecutionStarted                                    \("")
                    2      0.000s  PassStateEntered               P                    \("")
                    3      0.000s  PassStateExited                P                    {"v":1}
                    4      0.000s  WaitStateEntered               W                    \("")
                    5     60.000s  WaitStateExited                W                    {"v":1}
                    6     60.000s  ExecutionSucceeded                                  {"v":1}

                """)
        let failed = await TestSupport.cli("history", "bad", "--db", path)
        let state = String(repeating: " ", count: 20)
        #expect(
            failed.stdout.hasSuffix(
                "    3      0.000s  \("ExecutionFailed".padding(toLength: 30, withPad: " ", startingAt: 0)) \(state) Bad: input\n"))
    }

    @Test("history --json prints GetExecutionHistory's shape: the events run --json printed, by name or by ARN")
    func historyJSON() async throws {
        let (path, ok) = try await Self.database()
        let byName = await TestSupport.cli("history", "ok", "--db", path, "--json")
        #expect(byName.status == 0)
        #expect(try JSON(parsing: byName.stdout) == ["events": ok["events"] ?? []])
        let arn = "arn:aws:states:us-east-1:123456789012:execution:good:ok"
        #expect(await TestSupport.cli("history", arn, "--db", path, "--json").stdout == byName.stdout)
        let missing = await TestSupport.cli("history", "nope", "--db", path)
        #expect(missing.status == 1)
        #expect(missing.stderr == "stepwise history: Execution Does Not Exist: 'nope'\n")
    }

    @Test("Reading commands on a missing database say so and exit 2")
    func missingDatabase() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("none.db").path
        let executions = await TestSupport.cli("executions", "--db", path)
        #expect(executions.status == 2)
        #expect(executions.stderr == "stepwise executions: no database at \(path)\n")
        #expect(!FileManager.default.fileExists(atPath: path))
        let history = await TestSupport.cli("history", "x", "--db", path)
        #expect(history.stderr == "stepwise history: no database at \(path)\n")
    }

    @Test("serve --retention-days takes a whole number of days, 0 or more", arguments: ["-1", "ninety", "1.5"])
    func retentionDaysUsage(value: String) async {
        let result = await TestSupport.cli("serve", "--retention-days", value, "--port", "0")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("stepwise serve: --retention-days must be a whole number of days, 0 or more\n"))
    }

    @Test("resume reports an execution it cannot resume on stderr, finishes the others and exits 1")
    func resumeGoesOnPastABadRecord() async throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("runs.db").path
        let store = try await Store(path: path)
        let machine = "arn:aws:states:us-east-1:123456789012:stateMachine:m"
        for (index, name) in ["first", "broken", "last"].enumerated() {
            try await store.createExecution(
                ExecutionRecord(
                    arn: "arn:aws:states:us-east-1:123456789012:execution:m:\(name)", name: name, stateMachineArn: machine, revisionId: nil,
                    definition: name == "broken" ? "{not json" : Self.passThenWait, input: "{}",
                    startDate: Date(timeIntervalSince1970: Double(index)), seed: 1,
                    virtualTime: true))
        }
        try await store.close()
        let result = await TestSupport.cli("resume", "--db", path)
        #expect(result.status == 1)
        #expect(result.stdout == "first: SUCCEEDED\nlast: SUCCEEDED\n")
        #expect(result.stderr.hasPrefix("stepwise resume: cannot resume broken (arn:aws:states:us-east-1:123456789012:execution:m:broken): "))
        #expect(result.stderr.hasSuffix("; it stays RUNNING\n"))
        let listed = await TestSupport.cli("executions", "--db", path, "--status", "RUNNING", "--json")
        #expect(try JSON(parsing: listed.stdout)["executions"]?.arrayValue?.map { $0["name"] } == ["broken"])
    }
}
