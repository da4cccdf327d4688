import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a finished command left: its exit status and output.
package struct CommandOutput: Sendable {
    package let status: Int32
    package let stdout: Data
    package let stderr: Data
}

/// Runs a local command with the input on stdin. The command gets its own process group, default signal
/// handling and an empty signal mask; cancellation sends the group SIGTERM, then SIGKILL after a grace period,
/// and returns only once the command has exited.
package struct CommandRunner: Sendable {
    let arguments: [String]
    let directory: URL
    /// Variables set for the command on top of this process's environment (CodeBuild's environment variables).
    let environment: [String: String]
    /// Seconds between SIGTERM and SIGKILL.
    static let grace = 2.0

    package init(arguments: [String], directory: URL, environment: [String: String] = [:]) {
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
    }

    package func run(input: Data) async throws -> CommandOutput {
        let files = try CommandFiles(input: input)
        defer { files.remove() }
        let pid = try Spawn.start(arguments, directory: directory.path, files: files, environment: environment)
        let exited = ProcessExit(pid: pid)
        let status = await withTaskCancellationHandler {
            await exited.wait()
        } onCancel: {
            exited.terminate(grace: Self.grace)
        }
        try Task.checkCancellation()
        return CommandOutput(status: status, stdout: files.read(files.stdoutPath), stderr: files.read(files.stderrPath))
    }
}

/// Temporary files for a command's stdin, stdout and stderr. Files, unlike pipes, never block: a chatty command
/// cannot fill them, and no command spawned at the same moment can hold an end open.
struct CommandFiles {
    let stdinPath: String
    let stdoutPath: String
    let stderrPath: String

    init(input: Data) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-\(UUID().uuidString)").path
        (stdinPath, stdoutPath, stderrPath) = (base + ".in", base + ".out", base + ".err")
        try input.write(to: URL(fileURLWithPath: stdinPath))
    }

    func read(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    func remove() {
        for path in [stdinPath, stdoutPath, stderrPath] { try? FileManager.default.removeItem(atPath: path) }
    }
}
