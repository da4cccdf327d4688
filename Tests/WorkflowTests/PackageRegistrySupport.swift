import Foundation
import JSON
import StepwiseServices
import StepwiseTesting
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Helpers for the package registry's workflow tests (workflows/register-package.asl.json,
/// reconcile-packages.asl.json): a fresh data directory seeded from workflows/stepwise.json on the first run
/// (Fixtures/registry: three objects in pkg-artifacts, no row in packages), runs of the real files through the
/// CLI, the packages table read through the local DynamoDB, and the validator stand-in as a real HTTP server.
enum Registry {
    static let bucket = "pkg-artifacts"
    static let fixtureKeys = [
        "packages/image-tagger/2.0.0-beta.1/image-tagger-2.0.0-beta.1.tgz",
        "packages/sentiment-classifier/1.0.0/sentiment-classifier-1.0.0.tgz",
        "packages/sentiment-classifier/1.1.0/sentiment-classifier-1.1.0.tgz",
    ]
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Fixtures/registry")

    struct Failed: Error, CustomStringConvertible { let description: String }

    /// A data directory not yet created: the first `run` seeds it.
    static func dataDirectory() throws -> URL {
        try TestSupport.temporaryDirectory().appendingPathComponent("data")
    }

    /// `stepwise run workflows/<workflow>.asl.json --data-dir DIR --virtual-time --input JSON [--name NAME] [extra…]`.
    static func run(_ workflow: String, _ directory: URL, _ input: JSON, name: String? = nil, _ extra: [String] = []) async throws -> Portal.Run {
        var arguments = ["run", Portal.workflow(workflow), "--data-dir", directory.path, "--virtual-time", "--input", input.serialized()]
        if let name { arguments += ["--name", name] }
        let result = await TestSupport.cli(arguments + extra)
        return Portal.Run(status: result.status, output: result.status == 0 ? try JSON(parsing: result.stdout) : nil, stderr: result.stderr)
    }

    /// The `FAILED: Error: Cause` line of a failed run.
    static func failure(_ run: Portal.Run) -> String {
        run.stderr.split(separator: "\n").first { $0.hasPrefix("FAILED: ") }.map(String.init) ?? run.stderr
    }

    /// The packages table's items as DynamoDB returns them (every page), sorted by name and version.
    static func items(_ directory: URL) async throws -> [JSON] {
        let dynamo = DynamoDB(dataDirectory: DataDirectory(path: directory.path))
        var items: [JSON] = []
        var start: JSON?
        repeat {
            var input: JSONObject = ["TableName": "packages"]
            if let start { input["ExclusiveStartKey"] = start }
            let page = try await dynamo.perform("scan", input: .object(input))
            items += page["Items"]?.arrayValue ?? []
            start = page["LastEvaluatedKey"]
        } while start != nil
        return items.sorted {
            ($0["name"]?["S"]?.stringValue ?? "", $0["version"]?["S"]?.stringValue ?? "") < (
                $1["name"]?["S"]?.stringValue ?? "", $1["version"]?["S"]?.stringValue ?? ""
            )
        }
    }

    /// The rows as plain JSON (`{"name": …, "size": 296, …}`).
    static func rows(_ directory: URL) async throws -> [JSON] {
        try await items(directory).map(Provisioning.plain)
    }

    static func row(_ directory: URL, _ name: String, _ version: String) async throws -> JSON? {
        try await rows(directory).first { $0["name"] == .string(name) && $0["version"] == .string(version) }
    }

    static func count(_ directory: URL) async throws -> Int {
        let page = try await DynamoDB(dataDirectory: DataDirectory(path: directory.path)).perform(
            "scan", input: ["TableName": "packages", "Select": "COUNT"])
        return page["Count"]?.intValue ?? 0
    }

    static func object(_ directory: URL, _ key: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("s3/\(bucket)/\(key)"))
    }

    static func report(_ directory: URL, _ run: String) throws -> JSON {
        try JSON(parsing: String(decoding: object(directory, "reports/reconcile/\(run).json"), as: UTF8.self))
    }

    /// `stepwise data put s3://pkg-artifacts/KEY FILE` (through the local S3, so its ETag is recorded).
    static func put(_ directory: URL, _ key: String, _ content: String) async throws {
        let file = directory.deletingLastPathComponent().appendingPathComponent("upload-\(UUID().uuidString)")
        try content.write(to: file, atomically: true, encoding: .utf8)
        let result = await TestSupport.cli("data", "put", "s3://\(bucket)/\(key)", file.path, "--data-dir", directory.path)
        guard result.status == 0 else { throw Failed(description: "data put: \(result.stderr)") }
    }

    static func remove(_ directory: URL, _ key: String) async throws {
        let result = await TestSupport.cli("data", "rm", "s3://\(bucket)/\(key)", "--data-dir", directory.path)
        guard result.status == 0 else { throw Failed(description: "data rm: \(result.stderr)") }
    }

    /// The fixtures' ETags (`md5sum Fixtures/registry/bucket/packages/*/*/*`, in quotes as S3 gives them) and sizes.
    static let fixtureETags = [
        "\"6507e66f95e5f99cf0175ecce6ee6ecc\"", "\"94c64f0d822c1be77ba233b7c69d7ff3\"", "\"90f10f135bf4fbedea7448ccbea0e70c\"",
    ]
    static let fixtureSizes = [296, 292, 310]

    /// The validator stand-in (Fixtures/registry/validator.py) on 127.0.0.1, port 0; answers the process and its URL.
    static func startValidator(in directory: URL, _ arguments: [String] = []) async throws -> (Process, String) {
        try await PythonServer.start(fixtures.appendingPathComponent("validator.py"), arguments, in: directory)
    }

    /// `GET URL` as JSON.
    static func get(_ url: String) async throws -> JSON {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url)!)
        return try JSON(parsing: data)
    }

    static func stop(_ process: Process) async {
        // SIGKILL: the test process blocks SIGTERM, and its children inherit the mask.
        kill(process.processIdentifier, SIGKILL)
        await process.exited()
    }
}

/// A fixture's HTTP server in Python (`--port 0`), started and waited for: it prints `listening on URL` when ready.
enum PythonServer {
    struct DidNotStart: Error, CustomStringConvertible { let description: String }

    /// Starts `python3 -u SCRIPT --port 0 ARGUMENTS…` (stdout to `output`, by default a new file in `directory`)
    /// and waits at most 20 s for its `listening on URL` line; answers the process and the URL.
    static func start(_ script: URL, _ arguments: [String], in directory: URL, output: URL? = nil) async throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", script.path, "--port", "0"] + arguments
        let out =
            output ?? directory.appendingPathComponent("\(script.deletingPathExtension().lastPathComponent)-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                return (process, String(line.dropFirst("listening on ".count)))
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(process.processIdentifier, SIGKILL)
        throw DidNotStart(description: "\(script.lastPathComponent) did not start listening")
    }
}
