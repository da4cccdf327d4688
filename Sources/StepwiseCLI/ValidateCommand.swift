import Foundation
import JSON
import StatesLanguage
import StepFunctions

/// `stepwise validate FILE...`: checks definitions as AWS's ValidateStateMachineDefinition does.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check state machine definitions the way AWS does"
    static let help = """
        Usage: stepwise validate FILE... [--type STANDARD|EXPRESS] [--json [--severity ERROR|WARNING] [--max-results N]]

        Validates each ASL definition file with AWS's rules and prints every problem (errors and warnings) as
          FILE: CODE: message at /location
        Exit status: 0 when every file is valid (warnings allowed), 2 otherwise.

        Options:
          --type T          STANDARD (default) or EXPRESS: Express machines reject activities, .sync and .waitForTaskToken
          --json            print AWS's ValidateStateMachineDefinition response for each file, one JSON object per line;
                            as AWS, it lists errors only and at most 100 diagnostics ("truncated" says if some were left out)
          --severity S      with --json: ERROR (default) or WARNING (errors and warnings)
          --max-results N   with --json: at most N diagnostics, 1 to 100 (default 100)
        """
    static let options: [OptionSpec] = [.flag("json"), .value("type"), .value("severity"), .value("max-results")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard !arguments.positionals.isEmpty else {
            output.error("stepwise validate: missing FILE\n\n\(help)")
            return 2
        }
        guard let type = Validator.MachineType(rawValue: (arguments.value("type") ?? "STANDARD").uppercased()) else {
            output.error("stepwise validate: --type must be STANDARD or EXPRESS")
            return 2
        }
        let severity = (arguments.value("severity") ?? "ERROR").uppercased()
        guard severity == "ERROR" || severity == "WARNING" else {
            output.error("stepwise validate: --severity must be ERROR or WARNING")
            return 2
        }
        let maxResults = arguments.value("max-results").map { Int($0) ?? 0 } ?? ValidationReport.defaultMaxResults
        guard (1...100).contains(maxResults) else {
            output.error("stepwise validate: --max-results must be a whole number from 1 to 100")
            return 2
        }
        var allValid = true
        for path in arguments.positionals {
            let report: ValidationReport
            do {
                report = StepFunctionsService.validateStateMachineDefinition(
                    ValidateStateMachineDefinitionInput(
                        definition: try readText(path), type: type, includeWarnings: severity == "WARNING", maxResults: maxResults))
            } catch {
                output.error("\(path): \(error.message)")
                allValid = false
                continue
            }
            let diagnostics = report.diagnostics
            if report.failed { allValid = false }
            if arguments.flag("json") {
                output.print(report.json.serialized())
            } else {
                for diagnostic in diagnostics { output.print("\(path): \(diagnostic)") }
                if diagnostics.isEmpty { output.print("\(path): OK") }
            }
        }
        return allValid ? 0 : 2
    }
}

/// A file that cannot be read: the path and the reason, for a one-line message.
struct FileError: Error {
    var message: String
}

/// Reads a whole file as UTF-8 text (`-` reads standard input).
func readText(_ path: String, stdin: (@Sendable () -> Data)? = nil) throws(FileError) -> String {
    let data: Data
    if path == "-", let stdin {
        data = stdin()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw FileError(message: exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file")
        }
        data = contents
    }
    guard let text = String(data: data, encoding: .utf8) else { throw FileError(message: "is not UTF-8 text") }
    return text
}
