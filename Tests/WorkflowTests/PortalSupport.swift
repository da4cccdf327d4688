import Foundation
import JSON
import Stepwise
import StepwiseServices
import StepwiseTesting
import Testing

/// Helpers for the subscriber-portal workflow tests: a data directory with the fixtures in the local S3, runs of
/// the real workflow files through the CLI (in process) or the library, and reads of the stores through
/// one-Task probe workflows, so the tests only touch what a user could.
enum Portal {
    static let bucket = "portal-data"

    static func workflow(_ name: String) -> String {
        TestSupport.packageRoot.appendingPathComponent("workflows/\(name).asl.json").path
    }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Fixtures/portal/\(name)"), encoding: .utf8)
    }

    /// A fresh data directory whose bucket `portal-data` holds `files` (key → content).
    static func dataDirectory(_ files: [String: String] = [:]) throws -> URL {
        let directory = try TestSupport.temporaryDirectory().appendingPathComponent("data")
        for (key, content) in files { try put(directory, key: key, content) }
        return directory
    }

    static func put(_ directory: URL, key: String, _ content: String) throws {
        let url = directory.appendingPathComponent("s3/\(bucket)/\(key)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try content.write(to: url, atomically: true, encoding: .utf8)
    }

    static func object(_ directory: URL, key: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("s3/\(bucket)/\(key)"), encoding: .utf8)
    }

    /// The keys under `prefix` in the bucket, sorted as ListObjectsV2 sorts them.
    static func keys(_ directory: URL, prefix: String) -> [String] {
        let root = directory.appendingPathComponent("s3/\(bucket)/\(prefix)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return files.map { prefix + $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    struct Run {
        let status: Int32
        let output: JSON?
        let stderr: String
    }

    /// `stepwise run workflows/<name>.asl.json --data-dir DIR --input JSON --virtual-time [extra…]`.
    static func run(_ name: String, _ directory: URL, _ input: JSON, _ extra: String...) async throws -> Run {
        let arguments = ["run", workflow(name), "--data-dir", directory.path, "--virtual-time", "--input", input.serialized()] + extra
        let result = await TestSupport.cli(arguments)
        return Run(status: result.status, output: result.status == 0 ? try JSON(parsing: result.stdout) : nil, stderr: result.stderr)
    }

    /// Runs one Task against the local services and returns its result.
    static func probe(_ directory: URL, _ resource: String, _ arguments: JSON) async throws -> JSON {
        let definition: JSON = [
            "QueryLanguage": "JSONata", "StartAt": "T",
            "States": ["T": ["Type": "Task", "Resource": .string(resource), "Arguments": arguments, "End": true]],
        ]
        let file = directory.deletingLastPathComponent().appendingPathComponent("probe-\(UUID().uuidString).asl.json")
        try definition.serialized().write(to: file, atomically: true, encoding: .utf8)
        let result = await TestSupport.cli("run", file.path, "--data-dir", directory.path)
        guard result.status == 0 else { throw ProbeFailed(message: result.stderr) }
        return try JSON(parsing: result.stdout)
    }

    struct ProbeFailed: Error { let message: String }

    /// The Subscribers table as uid → plain item (strings and numbers).
    static func cloud(_ directory: URL) async throws -> [String: JSON] {
        var items: [String: JSON] = [:]
        var start: JSON?
        repeat {
            var arguments: JSONObject = ["TableName": "Subscribers", "Limit": 200]
            if let start { arguments["ExclusiveStartKey"] = start }
            let page = try await probe(directory, "arn:aws:states:::aws-sdk:dynamodb:scan", .object(arguments))
            for item in page["Items"]?.arrayValue ?? [] {
                let plain = plainItem(item)
                items[plain["uid"]?.stringValue ?? ""] = plain
            }
            start = page["LastEvaluatedKey"]
        } while start != nil
        return items
    }

    static func plainItem(_ item: JSON) -> JSON {
        guard case .object(let object) = item else { return item }
        var plain = JSONObject()
        for (name, value) in object {
            if let text = value["S"]?.stringValue {
                plain[name] = .string(text)
            } else if let number = value["N"]?.stringValue {
                plain[name] = .int(Int(number) ?? 0)
            }
        }
        return .object(plain)
    }

    static let rds: JSONObject = [
        "ResourceArn": "arn:aws:rds:us-east-1:123456789012:cluster:legacy-subscribers",
        "SecretArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:legacy-subscribers-credentials",
        "Database": "legacy",
    ]

    static func sql(_ directory: URL, _ statement: String) async throws -> JSON {
        var arguments = rds
        arguments["Sql"] = .string(statement)
        arguments["FormatRecordsAs"] = "JSON"
        return try await probe(directory, "arn:aws:states:::aws-sdk:rdsdata:executeStatement", .object(arguments))
    }

    /// The legacy table as uid → row (column → value); empty when the table does not exist.
    static func legacy(_ directory: URL) async throws -> [String: JSON] {
        var rows: [String: JSON] = [:]
        var offset = 0
        while true {
            guard let result = try? await sql(directory, "SELECT * FROM subscribers ORDER BY uid LIMIT 200 OFFSET \(offset)"),
                let text = result["FormattedRecords"]?.stringValue
            else { return rows }
            let page = try JSON(parsing: text).arrayValue ?? []
            for row in page { rows[row["uid"]?.stringValue ?? ""] = row }
            if page.count < 200 { return rows }
            offset += 200
        }
    }

    static func job(_ directory: URL, _ id: String) async throws -> JSON {
        let result = try await probe(directory, "arn:aws:states:::dynamodb:getItem", ["TableName": "Jobs", "Key": ["job_id": ["S": .string(id)]]])
        return plainItem(result["Item"] ?? .null)
    }

    /// Polls the job record until `predicate` holds (at most 30 s); answers the last record read.
    static func job(_ directory: URL, _ id: String, until predicate: (JSON) -> Bool) async throws -> JSON {
        var job = JSON.null
        for _ in 0..<1500 {
            job = (try? await Self.job(directory, id)) ?? .null
            if predicate(job) { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
        return job
    }

    /// The UpdateItem that cancels a job the way the portal does: job_status = CANCELLED.
    static func cancelRequest(_ id: String) -> JSON {
        [
            "TableName": "Jobs", "Key": ["job_id": ["S": .string(id)]], "UpdateExpression": "SET job_status = :c",
            "ExpressionAttributeValues": [":c": ["S": "CANCELLED"]],
        ]
    }

    /// The legacy table's CREATE TABLE, as the migration workflow runs it.
    static var legacyDDL: String {
        get throws {
            let definition = try JSON(parsing: try String(contentsOfFile: workflow("migration"), encoding: .utf8))
            let branches = definition["States"]?["EnsureTables"]?["Branches"]?.arrayValue ?? []
            let sql = branches.compactMap { $0["States"]?["CreateLegacyTable"]?["Arguments"]?["Sql"]?.stringValue }.first
            return try #require(sql)
        }
    }

    static func setJobStatus(_ directory: URL, _ id: String, _ status: String) async throws {
        _ = try await probe(
            directory, "arn:aws:states:::dynamodb:updateItem",
            [
                "TableName": "Jobs", "Key": ["job_id": ["S": .string(id)]], "UpdateExpression": "SET job_status = :s",
                "ExpressionAttributeValues": [":s": ["S": .string(status)]],
            ])
    }

    /// A CSV of `count` rows from `Fixtures/portal/generate-subscribers.sh`.
    static func generated(_ count: Int, prefix: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestSupport.packageRoot.appendingPathComponent("Fixtures/portal/generate-subscribers.sh").path, "\(count)", prefix]
        let pipe = Pipe()
        process.standardOutput = pipe
        let output = readingToEnd(pipe)
        try process.run()
        let data = await output.value
        await process.exited()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads the pipe to its end on a thread of its own (a blocking read would hold a cooperative thread).
    private static func readingToEnd(_ pipe: Pipe) -> Task<Data, Never> {
        let handle = pipe.fileHandleForReading
        return Task {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
            }
        }
    }

    /// A library runtime on `directory` with the local services, and the workflow's state machine.
    static func runtime(_ directory: URL, clock: ClockKind = .virtual) -> Runtime {
        let runtime = Runtime(clock: clock)
        LocalServices.install(DataDirectory(path: directory.path), into: runtime)
        return runtime
    }

    static func machine(_ name: String) throws -> StateMachine {
        try StateMachine(text: try String(contentsOfFile: workflow(name), encoding: .utf8), name: name)
    }

    /// The local service's handler for `resource` (to wrap in a test handler).
    static func service(_ directory: URL, _ resource: String, state: String) -> TaskHandler? {
        LocalServices.defaults(for: DataDirectory(path: directory.path))
            .handler(for: TaskReference(resource: resource, stateName: state, stateMachineName: "migration"))
    }
}
