import Foundation
import JSON
import StepwiseServices

/// `stepwise data`: lists what the local services hold in a data directory.
enum DataCommand: Command {
    static let name = "data"
    static let summary = "List the local services' data: buckets, tables, databases, resources"
    static let help = """
        Usage: stepwise data [--data-dir PATH] [--json]

        Lists what the local AWS services keep in the data directory: S3 buckets and their objects
        (s3/<bucket>/<key>), DynamoDB tables and item counts (dynamodb.sqlite), SQL databases of the RDS Data
        API and their tables with row counts (rds/<database>.sqlite), and the resource catalogue (Glue databases
        and crawlers, EventBridge rules, DMS replication tasks; catalog.sqlite). Reads only; writes nothing.

        Options:
          --data-dir PATH  the data directory (default .stepwise, as for run and serve)
          --json           print one JSON object {dataDirectory, exists, s3, dynamodb, sql, catalog}
        """
    static let options: [OptionSpec] = [.value("data-dir"), .flag("json")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.isEmpty else {
            output.error("stepwise data: unexpected argument '\(arguments.positionals[0])'\n\n\(help)")
            return 2
        }
        let directory = DataDirectory(path: arguments.value("data-dir") ?? DataDirectory.defaultPath)
        do {
            let inventory = try DataInventory.read(directory)
            output.print(arguments.flag("json") ? inventory.json.serialized(.pretty) : inventory.text)
            return 0
        } catch {
            output.error("stepwise data: \(directory.url.path): \(error)")
            return 1
        }
    }
}
