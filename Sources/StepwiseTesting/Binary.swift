import Foundation

extension TestSupport {
    /// The package's root folder (where Package.swift is).
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The built `stepwise` executable next to the test bundle (`swift test` builds it with the tests).
    package static func stepwiseBinary() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("stepwise"),
            Bundle.main.bundleURL.appendingPathComponent("stepwise"),
            packageRoot.appendingPathComponent(".build/debug/stepwise"),
        ]
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryNotFound(searched: candidates.map(\.path))
        }
        return binary
    }

    /// Starts the binary with `arguments`; stdout and stderr go to files in `directory` (named by `label`).
    /// `environment`, when given, is the child's whole environment.
    package static func spawn(_ arguments: [String], in directory: URL, label: String, environment: [String: String]? = nil) throws -> Process {
        let process = Process()
        process.executableURL = try stepwiseBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("\(label).out").path, contents: nil)
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("\(label).err").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("\(label).out"))
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("\(label).err"))
        try process.run()
        return process
    }

    /// Runs the binary to its end and returns its exit status and standard output.
    package static func execute(_ arguments: [String], in directory: URL, label: String = "run") async throws -> (status: Int32, stdout: String) {
        let process = try spawn(arguments, in: directory, label: label)
        await process.exited()
        let stdout = (try? String(contentsOf: directory.appendingPathComponent("\(label).out"), encoding: .utf8)) ?? ""
        return (process.terminationStatus, stdout)
    }

    /// Runs the binary to its end with `environment` as its whole environment; answers its exit status, stdout
    /// and stderr.
    package static func execute(
        _ arguments: [String], in directory: URL, environment: [String: String], label: String = "run"
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try spawn(arguments, in: directory, label: label, environment: environment)
        await process.exited()
        let read = { (suffix: String) in
            (try? String(contentsOf: directory.appendingPathComponent("\(label).\(suffix)"), encoding: .utf8)) ?? ""
        }
        return (process.terminationStatus, read("out"), read("err"))
    }
}

struct BinaryNotFound: Error, CustomStringConvertible {
    package let searched: [String]
    package var description: String { "the stepwise binary was not found; looked at \(searched.joined(separator: ", "))" }
}

extension Process {
    /// Waits for the process to end on a thread of its own and answers its exit status.
    ///
    /// `waitUntilExit()` blocks the calling thread. Called from a test, that thread belongs to the cooperative pool,
    /// which has one thread per core: on a two-core CI machine two such waits stop every other test (and the
    /// servers and executions they drive) until the child exits, and timing-sensitive tests fail or hang.
    @discardableResult
    package func exited() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                self.waitUntilExit()
                continuation.resume(returning: self.terminationStatus)
            }.start()
        }
    }
}
