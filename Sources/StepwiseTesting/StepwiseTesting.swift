import Foundation
import StepwiseCLI

/// Helpers that every test target shares (STYLE.md, practice 2).
package enum TestSupport {
    /// A fresh empty directory under the system temporary directory.
    package static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the CLI in process.
    package static func cli(_ arguments: String..., stdin: String = "") async -> CLI.Result {
        await cli(arguments, stdin: stdin)
    }

    package static func cli(_ arguments: [String], stdin: String = "") async -> CLI.Result {
        let data = Data(stdin.utf8)
        return await CLI.run(arguments, stdin: { data })
    }
}
