import Foundation
import StepwiseCLI

/// Helpers that every test target shares (STYLE.md, practice 2).
public enum TestSupport {
    /// A fresh empty directory under the system temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the CLI in process.
    public static func cli(_ arguments: String..., stdin: String = "") async -> CLI.Result {
        await cli(arguments, stdin: stdin)
    }

    public static func cli(_ arguments: [String], stdin: String = "") async -> CLI.Result {
        let data = Data(stdin.utf8)
        return await CLI.run(arguments, stdin: { data })
    }
}
