// migration-example: a program that embeds Stepwise as a library (docs/library.md, "Embedding: the migration
// example"). It runs one workflow on the local AWS services of a data directory, as `stepwise run` does, but
// with the runtime in its own hands: it registers its own task handlers, follows the history live and can
// record the execution durably.
//
//   swift run migration-example [WORKFLOW] [INPUT] [--upload FILE] [--data-dir DIR] [--db PATH] [--name NAME] [--virtual-time] [--resume]
//
// WORKFLOW defaults to workflows/migration.asl.json; INPUT is a JSON file (or JSON text) and defaults to the
// workflow's neighbour `<name>.input.json` when there is one, else {}. Without arguments it is a real migration:
// it uploads Fixtures/portal/subscribers-clean.csv to the local S3 at the input's bucket and key (as a portal
// backend stores a user's upload) and runs a DUAL_PROV migration job (workflows/migration.input.json) whose id is
// the execution's name, as the workflow takes it when the input has no jobId.
import Foundation
import JSON
import Stepwise
import StepwiseHost
import StepwiseServices
import StepwiseStore

let usage = """
    Usage: migration-example [WORKFLOW] [INPUT] [--upload FILE] [--data-dir DIR] [--db PATH] [--name NAME] [--virtual-time] [--resume]

      WORKFLOW        an ASL file (default workflows/migration.asl.json)
      INPUT           a JSON file or JSON text (default: WORKFLOW's <name>.input.json if it exists, else {})
      --upload FILE   put FILE into the local S3 at the input's bucket and key first (default, for the default
                      workflow: Fixtures/portal/subscribers-clean.csv)
      --data-dir DIR  where the local S3, DynamoDB, RDS Data API and catalogue keep their data (default .stepwise)
      --db PATH       record the execution in this SQLite database (durable: see --resume)
      --name NAME     the execution name (default: the input's jobId, else a UUID); the portal's workflows take
                      it as the job id when the input has no jobId
      --virtual-time  Waits, retry backoffs and time-outs take no time
      --resume        with --db: carry on the executions a killed run left RUNNING instead of starting one
    """

/// The command line, parsed.
struct Options {
    static let defaultWorkflow = "workflows/migration.asl.json"
    var workflow = Options.defaultWorkflow
    var input: String?
    var upload: String?
    var dataDirectory = DataDirectory.defaultPath
    var database: String?
    var name: String?
    var virtualTime = false
    var resume = false

    init(_ arguments: [String]) throws {
        var positionals: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            func value() throws -> String {
                guard let value = rest.popFirst() else { throw ExampleError("\(argument) needs a value") }
                return value
            }
            switch argument {
            case "--data-dir": dataDirectory = try value()
            case "--upload": upload = try value()
            case "--db": database = try value()
            case "--name": name = try value()
            case "--virtual-time": virtualTime = true
            case "--resume": resume = true
            case "-h", "--help": throw ExampleError(usage)
            case let option where option.hasPrefix("--"): throw ExampleError("unknown option \(option)\n\n\(usage)")
            default: positionals.append(argument)
            }
        }
        guard positionals.count <= 2 else { throw ExampleError("expected at most WORKFLOW and INPUT\n\n\(usage)") }
        if let workflow = positionals.first { self.workflow = workflow }
        input = positionals.dropFirst().first
        if upload == nil, workflow == Self.defaultWorkflow, input == nil { upload = "Fixtures/portal/subscribers-clean.csv" }
        if resume && database == nil { throw ExampleError("--resume needs --db") }
    }

    /// The state machine's name: the file name without `.asl.json` / `.json`.
    var machineName: String {
        var name = URL(fileURLWithPath: workflow).lastPathComponent
        for suffix in [".asl.json", ".json"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        return name
    }

    /// INPUT as JSON (a file, JSON text, the workflow's `<name>.input.json`, or {}), and the execution name. A
    /// `jobId` in the input and the name are one value, as `stepwise serve` keeps them for the portal's jobs:
    /// `--name` wins and is written into the input, else the jobId names the execution.
    func inputAndName() throws -> (input: JSON, name: String?) {
        var input = try readInput()
        guard case .object(var object) = input, let jobId = object["jobId"]?.stringValue else { return (input, name) }
        if let name { object["jobId"] = .string(name) }
        input = .object(object)
        return (input, name ?? jobId)
    }

    func readInput() throws -> JSON {
        if let input {
            if FileManager.default.fileExists(atPath: input) { return try JSON(parsing: String(contentsOfFile: input, encoding: .utf8)) }
            return try JSON(parsing: input)
        }
        let neighbour = URL(fileURLWithPath: workflow).deletingLastPathComponent().appendingPathComponent("\(machineName).input.json").path
        guard FileManager.default.fileExists(atPath: neighbour) else { return [:] }
        return try JSON(parsing: String(contentsOfFile: neighbour, encoding: .utf8))
    }
}

struct ExampleError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The host's options: the local AWS services for the data directory, then the program's own handlers, which
/// win over the local services (a Task whose resource matches a registered handler runs the handler); the
/// executions recorded in `database` when there is one.
func hostOptions(_ options: Options, database: String?) -> HostOptions {
    HostOptions(
        clock: options.virtualTime ? .virtual : .real, database: database.map { .file($0) } ?? .none, dataDirectory: options.dataDirectory,
        configureRuntime: registerHandlers)
}

/// The program plays AWS Lambda: `arn:aws:states:::lambda:invoke` (and plain function ARNs) answer with the
/// payload they were given, the way a pass-through function would.
@Sendable func registerHandlers(_ runtime: Runtime) {
    runtime.register("arn:aws:states:::lambda:invoke") { input, context in
        FileHandle.standardError.write(Data("  [handler] \(context.stateName) invoked \(input["FunctionName"]?.stringValue ?? "?")\n".utf8))
        return ["StatusCode": 200, "ExecutedVersion": "$LATEST", "Payload": input["Payload"] ?? .null]
    }
    runtime.register("arn:aws:lambda:*:*:function:*") { input, context in
        FileHandle.standardError.write(Data("  [handler] \(context.stateName) called \(context.resource)\n".utf8))
        return input
    }
}

/// Puts the file to upload into the local S3 at the input's `bucket` and `key` (creating the bucket), as a portal
/// backend stores a user's upload before it starts the migration.
func upload(_ file: String, input: JSON, dataDirectory: String) throws {
    guard let bucket = input["bucket"]?.stringValue, let key = input["key"]?.stringValue else {
        throw ExampleError("--upload needs an input with bucket and key")
    }
    let store = S3Store(dataDirectory: DataDirectory(path: dataDirectory))
    if !store.bucketExists(bucket) { try store.createBucket(bucket) }
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    _ = try store.putObject(bucket: bucket, key: key, data: data, contentType: "text/csv")
    print("uploaded \(file) to s3://\(bucket)/\(key) (\(data.count) bytes)")
}

/// Waits for an execution and prints its result and a short history: the states it went through, failures,
/// and how it ended. Returns whether it succeeded.
func report(_ execution: Execution) async -> Bool {
    let result = await execution.result
    let history = await execution.history
    print("execution: \(execution.arn)")
    print("status: \(result.status.rawValue)")
    if let output = result.output { print("output: \(output.serialized(.pretty))") }
    if let error = result.error { print("error: \(error): \(result.cause ?? "")") }
    let start = history.first?.timestamp ?? result.startDate
    let shown = history.filter { event in
        let type = event.type.rawValue
        return type.hasSuffix("StateEntered") || type.hasPrefix("Execution") || type.hasSuffix("Failed") || type.hasSuffix("TimedOut")
    }
    print("history: \(history.count) events, \(shown.count) shown")
    for event in shown {
        let elapsed = String(format: "%8.3fs", event.timestamp.timeIntervalSince(start))
        print("  \(String(event.id).leftPadded(4)) \(elapsed)  \(event.type.rawValue)\(event.stateName.map { "  \($0)" } ?? "")")
    }
    return result.status == .succeeded
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

func main() async -> Int32 {
    let options: Options
    do {
        options = try Options(Array(CommandLine.arguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("migration-example: \(error)\n".utf8))
        return 2
    }
    guard options.resume || FileManager.default.fileExists(atPath: options.workflow) else {
        FileHandle.standardError.write(
            Data("migration-example: \(options.workflow): no such file (pass a WORKFLOW, e.g. workflows/hello.asl.json)\n".utf8))
        return 2
    }
    if let input = options.input, !FileManager.default.fileExists(atPath: input), (try? JSON(parsing: input)) == nil {
        FileHandle.standardError.write(Data("migration-example: INPUT \(input) is neither a file nor JSON text\n".utf8))
        return 2
    }
    do {
        if options.resume, let database = options.database {
            // The definitions come from the database: each execution resumes with the one it started with.
            let durable = try await RuntimeHost(hostOptions(options, database: database)).durableRuntime
            let resumed = try await durable.resumeAll()
            print("resumed \(resumed.count) execution(s) from \(database)")
            var succeeded = true
            for execution in resumed { succeeded = await report(execution) && succeeded }
            try await durable.close()
            return succeeded ? 0 : 1
        }
        let definition = try String(contentsOfFile: options.workflow, encoding: .utf8)
        let machine = try StateMachine(text: definition, name: options.machineName)
        print("workflow: \(options.workflow) (state machine \(machine.name)), data directory \(options.dataDirectory)")
        let (input, name) = try options.inputAndName()
        if let file = options.upload { try upload(file, input: input, dataDirectory: options.dataDirectory) }

        guard let database = options.database else {
            let execution = try await RuntimeHost(hostOptions(options, database: nil)).runtime.start(machine, input: input, name: name)
            return await report(execution) ? 0 : 1
        }
        // Durable: every step goes to the database; if this process dies, `--resume` carries the execution on.
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: database).deletingLastPathComponent(), withIntermediateDirectories: true)
        let durable = try await RuntimeHost(hostOptions(options, database: database)).durableRuntime
        let (arn, _) = try await durable.registerStateMachine(machine, definition: definition)
        let execution = try await durable.start(machine, definition: definition, input: input, name: name, stateMachineArn: arn)
        let succeeded = await report(execution)
        try await durable.close()
        return succeeded ? 0 : 1
    } catch let error as DefinitionError {
        FileHandle.standardError.write(Data("migration-example: \(options.workflow): \(error)\n".utf8))
        return 2
    } catch {
        FileHandle.standardError.write(Data("migration-example: \(error)\n".utf8))
        return 1
    }
}

exit(await main())
