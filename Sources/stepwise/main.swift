import Foundation
import StepwiseCLI

let result = await CLI.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(result.stdoutData)
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.status)
