import Foundation

/// A `stepwise serve` child process on a free port.
package struct ServeProcess: Sendable {
    package let process: Process
    package let port: Int
    /// The server's stderr (its log lines).
    package let log: URL

    package var baseURL: String { "http://127.0.0.1:\(port)" }
    package var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}

extension TestSupport {
    /// Starts `stepwise serve --port 0 ARGUMENTS…` in `directory` and waits (up to 20 s) for its
    /// "listening on" line; throws if it exits or never says where it listens.
    package static func serve(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) async throws -> ServeProcess {
        let process = Process()
        process.executableURL = try stepwiseBinary()
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = directory.appendingPathComponent("serve-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let port = text.components(separatedBy: "listening on http://127.0.0.1:").dropFirst().first.flatMap({ Int($0.prefix { $0.isNumber }) })
            {
                return ServeProcess(process: process, port: port, log: log)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ServeFailed(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}

struct ServeFailed: Error, CustomStringConvertible {
    package let log: String
    package var description: String { "stepwise serve did not start listening; its log:\n\(log)" }
}

extension TestSupport {
    /// Runs a Python script (given as text) with `arguments`; its stdout goes to `python.out` in `directory`.
    package static func spawnPython(_ script: String, arguments: [String] = [], in directory: URL) throws -> Process {
        let file = directory.appendingPathComponent("script-\(UUID().uuidString).py")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", file.path] + arguments
        let out = directory.appendingPathComponent("python.out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
