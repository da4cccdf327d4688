import Foundation
import JSON
import StepwiseServices

/// `stepwise data`: what the local services hold in a data directory, and the verbs that read and change it as the
/// AWS CLI would (`ls`, `put`, `get`, `rm` on S3; `put-item`, `get-item`, `scan` on DynamoDB) or seed it.
enum DataCommand: Command {
    static let name = "data"
    static let summary = "List, read, change or seed the local services' data"
    static let help = """
        Usage: stepwise data [--data-dir PATH] [--json]
               stepwise data seed [--seed FILE] [--reset] [--data-dir PATH] [--json]
               stepwise data ls [s3://BUCKET[/PREFIX]] [--recursive] [--data-dir PATH] [--json]
               stepwise data put s3://BUCKET/KEY FILE|- [--data-dir PATH] [--json]
               stepwise data get s3://BUCKET/KEY [FILE|-] [--data-dir PATH] [--json]
               stepwise data rm s3://BUCKET/KEY [--recursive] [--data-dir PATH] [--json]
               stepwise data put-item --table-name TABLE --item JSON|@FILE|- [--data-dir PATH] [--json]
               stepwise data get-item --table-name TABLE --key JSON|@FILE|- [--data-dir PATH] [--json]
               stepwise data scan --table-name TABLE [--data-dir PATH] [--json]
               stepwise data outbox [--service sns|ses|events] [--data-dir PATH] [--json]

        Without a verb, lists what the local AWS services keep in the data directory: S3 buckets and their objects
        (s3/<bucket>/<key>), multipart uploads in progress (s3-uploads/), KMS keys and aliases (kms.sqlite),
        DynamoDB tables and item counts (dynamodb.sqlite), SQL databases of the RDS Data API and their tables
        with row counts (rds/<database>.sqlite), the resource catalogue (Glue, EventBridge, DMS, Secrets Manager
        names, Lambda versions and aliases; catalog.sqlite) and the notification outbox's message counts
        (outbox.sqlite). Reads only; writes nothing.

        Verbs (docs/seeding.md):
          seed       apply a seed to the data directory where it lacks it (also what was seeded and deleted since);
                     --seed FILE: a stepwise.json with a "seed" member, or a seed file (default: the file the data
                     directory was seeded from, else workflows/stepwise.json); --reset first deletes everything the
                     local services keep in the data directory
          ls         buckets; or the objects and folders (PRE) under a prefix, one level (--recursive: all keys)
          put        writes FILE (- for standard input) as an object; a KEY ending in / takes FILE's name; a missing
                     bucket is created
          get        writes an object to standard output or FILE; --json prints its metadata instead, and needs FILE
          rm         deletes an object (an error when there is none), or with --recursive every object under a prefix
          put-item   PutItem of an item in DynamoDB JSON ({"uid": {"S": "u1"}}) into an existing table
          get-item   GetItem by key (DynamoDB JSON); prints the item as plain JSON, or exits 1 when there is none
          scan       every item of a table, one plain JSON object per line
          outbox     the messages workflows sent through SNS, SES and EventBridge events (recorded, never
                     delivered), in order: sequence, service and action, time, message id, execution, request;
                     --service keeps one service's

        Options:
          --data-dir PATH  the data directory (default .stepwise, as for run and serve)
          --json           print AWS's response shape (ListObjectsV2, GetItem, Scan, …) or, without a verb, one
                           object {dataDirectory, exists, s3, kms, dynamodb, sql, catalog, outbox}
        Exit status: 0 on success, 1 when the data directory refuses (no such bucket, key, table or item; an
        invalid item or seed), 2 on a usage error.
        """
    static let options: [OptionSpec] = [
        .value("data-dir"), .flag("json"), .value("seed"), .flag("reset"), .flag("recursive"), .value("table-name"), .value("item"), .value("key"),
        .value("service"),
    ]

    /// A verb: the options it takes (besides --data-dir and --json), its positional arguments, and its body.
    struct Verb: Sendable {
        var options: Set<String> = []
        var positionals: ClosedRange<Int>
        var run: @Sendable (DataRequest, inout Output) async throws -> Int32
    }

    static let verbs: [String: Verb] = [
        "seed": Verb(options: ["seed", "reset"], positionals: 0...0) { try await seed($0, &$1) },
        "ls": Verb(options: ["recursive"], positionals: 0...1) { try list($0, &$1) },
        "put": Verb(positionals: 2...2) { try put($0, &$1) },
        "get": Verb(positionals: 1...2) { try get($0, &$1) },
        "rm": Verb(options: ["recursive"], positionals: 1...1) { try remove($0, &$1) },
        "put-item": Verb(options: ["table-name", "item"], positionals: 0...0) { try await putItem($0, &$1) },
        "get-item": Verb(options: ["table-name", "key"], positionals: 0...0) { try await getItem($0, &$1) },
        "scan": Verb(options: ["table-name"], positionals: 0...0) { try await scan($0, &$1) },
        "outbox": Verb(options: ["service"], positionals: 0...0) { try outbox($0, &$1) },
    ]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        let directory = DataDirectory(path: arguments.value("data-dir") ?? DataDirectory.defaultPath)
        guard let verbName = arguments.positionals.first else {
            if let option = arguments.given.subtracting(["data-dir", "json"]).sorted().first {
                return usage("--\(option) needs a verb (seed, ls, rm, …)", &output)
            }
            return inventory(directory, json: arguments.flag("json"), &output)
        }
        guard let verb = verbs[verbName] else { return usage("unknown verb '\(verbName)'", &output) }
        let rest = Array(arguments.positionals.dropFirst())
        if let option = arguments.given.subtracting(verb.options.union(["data-dir", "json"])).sorted().first {
            return usage("\(verbName) takes no --\(option)", &output)
        }
        guard verb.positionals.contains(rest.count) else { return usage("\(verbName): wrong number of arguments", &output) }
        let request = DataRequest(verb: verbName, directory: directory, arguments: arguments, positionals: rest, stdin: output.stdin)
        do {
            return try await verb.run(request, &output)
        } catch let error as UsageError {
            return usage("\(verbName): \(error.message)", &output)
        } catch {
            output.error("stepwise data \(verbName): \(error)")
            return 1
        }
    }

    private static func usage(_ message: String, _ output: inout Output) -> Int32 {
        output.error("stepwise data: \(message)\n\n\(help)")
        return 2
    }

    private static func inventory(_ directory: DataDirectory, json: Bool, _ output: inout Output) -> Int32 {
        do {
            let inventory = try DataInventory.read(directory)
            output.print(json ? inventory.json.serialized(.pretty) : inventory.text)
            return 0
        } catch {
            output.error("stepwise data: \(directory.url.path): \(error)")
            return 1
        }
    }
}

/// One `stepwise data` verb's arguments.
struct DataRequest: Sendable {
    var verb: String
    var directory: DataDirectory
    var arguments: ParsedArguments
    /// The positional arguments after the verb.
    var positionals: [String]
    var stdin: @Sendable () -> Data

    var json: Bool { arguments.flag("json") }
}
