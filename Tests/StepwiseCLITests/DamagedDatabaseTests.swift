import Foundation
import JSON
import StepwiseSQLite
import StepwiseTesting
import Testing

@testable import StepwiseStore

/// A database with broken pages: `serve` refuses it at start with a clear message; a store already using one
/// reports it in `/health`, and each 5xx it causes is logged with the request id the client got.
@Suite("Damaged databases", .serialized, .timeLimit(.minutes(3)))
struct DamagedDatabaseTests {
    /// A database of 40 recorded executions whose `table` has three leaf pages overwritten; `original.db`
    /// next to it is the same database before the damage.
    static func damagedDatabase(table: String = "executions") async throws -> (directory: URL, path: String) {
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("damaged.db").path
        let padding = String(repeating: "x", count: 3_000)
        let file = directory.appendingPathComponent("pass.asl.json")
        try #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"\#(padding)","End":true}}}"#.write(to: file, atomically: true, encoding: .utf8)
        for index in 0..<40 {
            let run = await TestSupport.cli("run", file.path, "--db", path, "--name", "run-\(index)", "--input", #"{"pad":"\#(padding)"}"#)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let pages = try SQLiteConnection(storeAt: path, mode: .readOnly).rows(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", table
        ) { $0.int(0) }
        try FileManager.default.copyItem(atPath: path, toPath: directory.appendingPathComponent("original.db").path)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        for page in pages.dropFirst(2).prefix(3) {
            try handle.seek(toOffset: UInt64((page - 1) * 4096 + 8))
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4_000))
        }
        try handle.close()
        return (directory, path)
    }

    @Test("serve refuses a damaged database at start, naming the problems, and leaves the file untouched")
    func serveRefuses() async throws {
        let (directory, path) = try await Self.damagedDatabase()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let serve = try await TestSupport.execute(["serve", "--port", "0", "--db", path], in: directory, label: "serve")
        let stderr = try String(contentsOf: directory.appendingPathComponent("serve.err"), encoding: .utf8)
        #expect(serve.status == 1)
        #expect(stderr.hasPrefix("stepwise serve: database \(path) is damaged ("), "\(stderr)")
        #expect(
            stderr.hasSuffix(
                "restore a copy or move it aside; the file was left untouched (`stepwise doctor --db \(path) --repair` saves what can be read into a new file)\n"
            ), "\(stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a store that meets damage says so: /health 503 'damaged', and each 5xx is logged with its request id")
    func healthAndLog() async throws {
        let (directory, path) = try await Self.damagedDatabase()
        let server = try await TestSupport.serve(["--db", path, "--skip-integrity-check"], in: directory)
        defer { server.process.terminate() }
        let script = """
            import json, sys, urllib.request, urllib.error
            def send(path, body=None, target=None):
                headers = {"Content-Type": "application/x-amz-json-1.0"}
                if target: headers["X-Amz-Target"] = "AWSStepFunctions." + target
                data = None if body is None else json.dumps(body).encode()
                request = urllib.request.Request(sys.argv[1] + path, data=data, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=20) as response:
                        return response.status, response.headers.get("x-amzn-RequestId"), json.load(response)
                except urllib.error.HTTPError as error:
                    return error.code, error.headers.get("x-amzn-RequestId"), json.load(error)
            before = send("/health")
            arn = send("/", {}, "ListStateMachines")[2]["stateMachines"][0]["stateMachineArn"]
            pages, failed, token = 0, None, None
            while pages < 50:
                body = {"stateMachineArn": arn, "maxResults": 5}
                if token: body["nextToken"] = token
                status, request_id, answer = send("/", body, "ListExecutions")
                pages += 1
                if status != 200:
                    failed = [status, request_id, answer.get("__type")]
                    break
                token = answer.get("nextToken")
                if not token: break
            print(json.dumps({"before": before[0], "failed": failed, "after": send("/health")}))
            """
        let python = try TestSupport.spawnPython(script, arguments: [server.baseURL], in: directory)
        #expect(await python.exited() == 0)
        let result = try JSON(parsing: String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8))
        #expect(result["before"] == 200)
        let failed = try #require(result["failed"]?.arrayValue)
        #expect(failed[0] == 500)
        #expect(failed[2] == "com.amazon.coral.service#InternalFailure")
        let requestID = try #require(failed[1].stringValue)
        #expect(result["after"]?[0] == 503)
        #expect(result["after"]?[2]?["status"] == "failing")
        #expect(result["after"]?[2]?["store"]?["lastFailure"] == "damaged")
        #expect(server.logText.contains("request \(requestID): POST / (AWSStepFunctions.ListExecutions) answered 500: "), "\(server.logText)")
    }

    @Test("doctor finds the damage; --repair saves the readable executions whole, and serve answers their histories as before")
    func doctorRepairs() async throws {
        let (directory, path) = try await Self.damagedDatabase()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let examined = await TestSupport.cli("doctor", "--db", path)
        #expect(examined.status == 1)
        #expect(examined.stdout.contains("\n  PROBLEM  integrity: "), "\(examined.stdout)")
        #expect(examined.stdout.hasSuffix("damaged: `stepwise doctor --db \(path) --repair` saves what can be read into a new file\n"))

        let repaired = directory.appendingPathComponent("repaired.db").path
        let repair = await TestSupport.cli("doctor", "--db", path, "--repair", "--output", repaired)
        #expect(repair.status == 1, "\(repair.stdout)\(repair.stderr)")
        let lost = (4...9).map { "    lost: arn:aws:states:us-east-1:123456789012:execution:pass:run-\($0) (its record cannot be read)\n" }.joined()
        #expect(
            repair.stdout.contains("repair: into \(repaired)\n  executions: 34 saved whole, 6 lost, 0 partial (left out)\n\(lost)"),
            "\(repair.stdout)")
        #expect(repair.stdout.contains("  state_machines: 1 copied\n  state_machine_revisions: 1 copied\n"))
        #expect(repair.stdout.contains("`mv \(repaired) \(path)`; or serve the new file where it is: `stepwise serve --db \(repaired)`."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let again = await TestSupport.cli("doctor", "--db", path, "--repair", "--output", repaired)
        #expect(again.status == 2)
        #expect(
            again.stderr == "stepwise doctor: nothing saved: \(repaired) already exists; choose another --output (repair never overwrites a file)\n")

        let healthy = await TestSupport.cli("doctor", "--db", repaired)
        #expect(healthy.status == 0, "\(healthy.stdout)")
        #expect(healthy.stdout.contains("  ok       integrity: every page and index reads back whole\n"))
        #expect(healthy.stdout.contains("  ok       executions: 34 (34 SUCCEEDED)\n"))

        let server = try await TestSupport.serve(["--db", repaired], in: directory)
        defer { server.process.terminate() }
        let original = try await TestSupport.serve(["--db", directory.appendingPathComponent("original.db").path], in: directory)
        defer { original.process.terminate() }
        let script = """
            import json, sys, urllib.request
            def call(base, target, body):
                request = urllib.request.Request(base + "/", data=json.dumps(body).encode(), headers={
                    "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AWSStepFunctions." + target})
                with urllib.request.urlopen(request, timeout=20) as response:
                    return json.load(response)
            def pages(base, target, body, key):
                items, token = [], None
                while True:
                    answer = call(base, target, dict(body, **({"nextToken": token} if token else {})))
                    items += answer[key]
                    token = answer.get("nextToken")
                    if not token: return items
            machine = call(sys.argv[1], "ListStateMachines", {})["stateMachines"][0]["stateMachineArn"]
            executions = pages(sys.argv[1], "ListExecutions", {"stateMachineArn": machine}, "executions")
            differing = []
            for execution in executions:
                arn = execution["executionArn"]
                if pages(sys.argv[1], "GetExecutionHistory", {"executionArn": arn}, "events") != pages(sys.argv[2], "GetExecutionHistory", {"executionArn": arn}, "events"):
                    differing.append(arn)
                if call(sys.argv[1], "DescribeExecution", {"executionArn": arn}) != call(sys.argv[2], "DescribeExecution", {"executionArn": arn}):
                    differing.append(arn)
            print(json.dumps({"names": sorted(e["name"] for e in executions), "differing": differing}))
            """
        let python = try TestSupport.spawnPython(script, arguments: [server.baseURL, original.baseURL], in: directory)
        #expect(await python.exited() == 0)
        let result = try JSON(parsing: String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8))
        let expected = (0..<40).filter { !(4...9).contains($0) }.map { "run-\($0)" }.sorted()
        #expect(result["names"] == JSON.array(expected.map { JSON.string($0) }))
        #expect(result["differing"] == JSON.array([]))
    }

    @Test("--repair leaves out an execution whose history does not read whole, and says so")
    func repairLeavesPartialOut() async throws {
        let (directory, path) = try await Self.damagedDatabase(table: "history_segments")
        let repaired = directory.appendingPathComponent("repaired.db").path
        let repair = await TestSupport.cli("doctor", "--db", path, "--repair", "--output", repaired)
        #expect(repair.status == 1)
        let lines = repair.stdout.split(separator: "\n").map(String.init)
        let partial = lines.filter { $0.hasPrefix("    partial: arn:aws:states:us-east-1:123456789012:execution:pass:run-") }
        #expect(!partial.isEmpty, "\(repair.stdout)")
        #expect(partial.allSatisfy { $0.hasSuffix(" (its history does not read whole (4 events))") }, "\(repair.stdout)")
        #expect(lines.contains("  executions: \(40 - partial.count) saved whole, 0 lost, \(partial.count) partial (left out)"), "\(repair.stdout)")
        let store = try SQLiteConnection(storeAt: repaired, mode: .readOnly)
        #expect(try store.int("SELECT count(*) FROM executions") == 40 - partial.count)
        #expect(try store.int("SELECT sum(event_count) FROM executions") == (40 - partial.count) * 4)
        let reader = try await Store(path: repaired, options: Store.Options(readOnly: true))
        for arn in try store.rows("SELECT arn FROM executions", row: { $0.text(0) }) {
            #expect(try await reader.allEvents(arn: arn).map { $0["id"]?.intValue } == [1, 2, 3, 4])
        }
        try await reader.close()
    }

    @Test("doctor: a healthy database exits 0; no --db, or --output without --repair, is a usage error (exit 2); a missing file is a problem")
    func doctorUsage() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let path = directory.appendingPathComponent("fresh.db").path
        try await Store(path: path).close()
        let healthy = await TestSupport.cli("doctor", "--db", path)
        #expect(healthy.status == 0)
        #expect(healthy.stdout.hasPrefix("stepwise doctor: \(path)\n  ok       file: "))
        #expect(healthy.stdout.contains("\n  ok       writer lock: free: no stepwise process writes this database\n  ok       executions: none\n"))
        #expect(healthy.stdout.hasSuffix("  ok       orphan rows: none\nhealthy\n"))
        #expect(await TestSupport.cli("doctor").status == 2)
        #expect(await TestSupport.cli("doctor", "--db", path, "--output", "x.db").status == 2)
        let missing = await TestSupport.cli("doctor", "--db", directory.appendingPathComponent("none.db").path)
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("  PROBLEM  file: no database at "))
        #expect(missing.stdout.hasSuffix(" --repair` saves what can be read into a new file\n"))
    }
}
