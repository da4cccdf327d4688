import Foundation
import StepFunctions
import StepwiseServices

/// `--seed FILE` and `--no-seed` for `run`, `serve` and `resume`: which seed is applied to the data directory
/// before anything runs (docs/seeding.md), and the notice that says what it did.
enum SeedOption {
    static let options: [OptionSpec] = [.value("seed"), .flag("no-seed")]

    /// The options' help lines; `fallback` says which file is applied without `--seed`.
    static func help(default fallback: String) -> String {
        """
          --seed FILE      apply the seed FILE declares (a stepwise.json with a "seed" member, or a seed file)
                           where the data directory lacks it (docs/seeding.md); default:
                           \(fallback)
          --no-seed        apply no seed
        """
    }

    /// The seed file a command applies: `--seed`, none with `--no-seed`, else `fallback` when that file exists.
    static func file(_ arguments: ParsedArguments, default fallback: String?) throws(UsageError) -> String? {
        if arguments.flag("no-seed") {
            guard arguments.value("seed") == nil else { throw UsageError(message: "--seed and --no-seed cannot be given together") }
            return nil
        }
        if let file = arguments.value("seed") { return file }
        guard let fallback, FileManager.default.fileExists(atPath: fallback) else { return nil }
        return fallback
    }

    /// The `stepwise.json` beside a workflow file or in a workflows folder.
    static func settings(in folder: String) -> String {
        folder.isEmpty ? WorkflowDirectory.configName : (folder as NSString).appendingPathComponent(WorkflowDirectory.configName)
    }

    /// Writes the notice at once when stderr is a terminal (as the progress display: pipes and tests see nothing).
    static func tell(_ report: SeedReport?, dataDirectory: String, seedFile: String?) {
        guard Progress.isTerminal else { return }
        guard let report else { return }
        let lines = report.notice(dataDirectory: dataDirectory, seedFile: seedFile ?? report.seedFile).map { "stepwise: \($0)" }
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
