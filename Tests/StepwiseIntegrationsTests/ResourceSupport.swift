import Foundation
import JSON
import Stepwise
import StepwiseIntegrations

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

    init() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ResourceSupport.folder.appendingPathComponent("server.py").path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line.append(byte) }
        self.process = process
        port = Int(String(decoding: line, as: UTF8.self)) ?? 0
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// The server inherits the test threads' blocked signals, so only SIGKILL stops it.
    deinit { kill(process.processIdentifier, SIGKILL) }
}
