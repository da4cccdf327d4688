import Foundation

/// The `stepwise` command line as a library, so tests run every command in process.
package enum CLI {
    /// What a command wrote and its exit status.
    package struct Result: Sendable {
        /// Standard output as written: text, or an object's bytes (`stepwise data get`).
        package var stdoutData = Data()
        package var stderr = ""
        package var status: Int32 = 0

        /// Standard output as text.
        package var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    }

    static let commands: [any Command.Type] = [
        RunCommand.self, ServeCommand.self, ValidateCommand.self, EvalCommand.self, ExecutionsCommand.self, HistoryCommand.self,
        ResumeCommand.self, RedriveCommand.self, DataCommand.self, GraphCommand.self, TestStateCommand.self, DoctorCommand.self,
        DeployCommand.self,
    ]

    /// Commands that work but are not listed in the usage: test aids.
    static let hiddenCommands: [any Command.Type] = [SigV4SignCommand.self]

    static let usage = """
        Usage: stepwise <command> [options]

        Commands:
        \(commands.map { "  \($0.name.padding(toLength: 12, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

        Run `stepwise <command> --help` for a command's options.
        """

    /// Runs the command line `arguments` (without the program name).
    package static func run(_ arguments: [String], stdin: @escaping @Sendable () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) async
        -> Result
    {
        var output = Output(stdin: stdin)
        guard let name = arguments.first else {
            output.error(usage)
            return output.finish(2)
        }
        if name == "--help" || name == "-h" || name == "help" {
            output.print(usage)
            return output.finish(0)
        }
        guard let command = (commands + hiddenCommands).first(where: { $0.name == name }) else {
            output.error("stepwise: unknown command '\(name)'\n\n\(usage)")
            return output.finish(2)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            output.print(command.help)
            return output.finish(0)
        }
        do {
            let parsed = try ParsedArguments(rest, spec: command.options)
            let status = await command.run(parsed, &output)
            return output.finish(status)
        } catch {
            output.error("stepwise \(name): \(error.message)\n\n\(command.help)")
            return output.finish(2)
        }
    }
}

/// Where a command writes; collected so in-process tests can read it.
package struct Output {
    var result = CLI.Result()
    let stdin: @Sendable () -> Data

    mutating func print(_ text: String) { result.stdoutData.append(contentsOf: Array((text + "\n").utf8)) }
    /// Writes bytes to standard output as they are.
    mutating func write(_ data: Data) { result.stdoutData.append(data) }
    mutating func error(_ text: String) { result.stderr += text + "\n" }

    func finish(_ status: Int32) -> CLI.Result {
        var result = result
        result.status = status
        return result
    }
}

/// One subcommand: its name, help, options and body.
protocol Command: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32
}
