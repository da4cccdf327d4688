import Foundation
import JSON
import Stepwise
import StepwiseIntegrations

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fixtures and runs for the resources-file, Lambda and HTTP Task tests.
enum ResourceSupport {
    static let folder = MockSupport.fixtures.appendingPathComponent("resources")

    static func file() throws -> ResourcesFile { try ResourcesFile(contentsOf: folder.appendingPathComponent("resources.json").path) }

    /// A runtime that runs Tasks with the fixture resources file (or `resources`) and the HTTP Task.
    static func runtime(_ resources: ResourcesFile? = nil, clock: ClockKind = .real) throws -> Runtime {
        let runtime = Runtime(clock: clock)
        runtime.add(ResourcesResolver(file: try resources ?? file()), tier: .resources)
        runtime.add(HTTPTaskResolver(), tier: .services)
        return runtime
    }

    /// Runs a one-Task machine to its end.
    static func run(_ definition: String, input: JSON = [:], runtime: Runtime? = nil) async throws -> MockRun {
        let runtime = try runtime ?? self.runtime()
        let execution = try await runtime.start(try StateMachine(text: definition, name: "Resources"), input: input, name: "run")
        let result = await execution.result
        return MockRun(result: result, history: await execution.history)
    }

    /// A definition with one Task state `Call` on `resource`.
    static func task(_ resource: String, parameters: String? = nil, extra: String = "") -> String {
        let parameters = parameters.map { #", "Parameters": \#($0)"# } ?? ""
        return #"{"StartAt": "Call", "States": {"Call": {"Type": "Task", "Resource": "\#(resource)"\#(parameters)\#(extra), "End": true}}}"#
    }

    /// Whether a process with this id still exists.
    static func alive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    /// Waits up to `seconds` for `condition`.
    static func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }
}

/// The fixture HTTP server (`server.py`), on 127.0.0.1 at a port the system chose.
final class ResourceTestServer: Sendable {
    let process: Process
    let port: Int

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    /// Starts the server and reads the port it prints, on a thread of its own: a blocking read on the
    /// cooperative pool would hold up every other test (two threads on a two-core machine) until Python starts.
    static func start() async throws -> ResourceTestServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ResourceSupport.folder.appendingPathComponent("server.py").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread {
                var line = Data()
                while let byte = try? output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
                continuation.resume(returning: String(decoding: line, as: UTF8.self))
            }.start()
        }
        return ResourceTestServer(process: process, port: Int(line) ?? 0)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// A URL that never answers; the server records what becomes of the request under `id`.
    func hang(_ id: String) -> String { "\(base)/hang?id=\(id)" }

    /// What became of the `/hang` request `id`: "open" (the client waits), "closed" (the client closed the
    /// connection: the request was aborted), "answered", or "unknown" (no such request came).
    func state(of id: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(base)/seen?id=\(id)")!)
        return try JSON(parsing: String(decoding: data, as: UTF8.self))["state"]?.stringValue ?? ""
    }

    /// Waits up to `seconds` for the `/hang` request `id` to reach `state`; answers the last state seen.
    func wait(for id: String, toBe state: String, seconds: Double = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var current = try await self.state(of: id)
        while current != state, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            current = try await self.state(of: id)
        }
        return current
    }

    /// The server inherits the test threads' blocked signals, so only SIGKILL stops it.
    deinit { kill(process.processIdentifier, SIGKILL) }
}
