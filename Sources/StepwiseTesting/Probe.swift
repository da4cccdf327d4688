import Foundation
import JSON

extension TestSupport {
    /// Runs one Task (`resource` with `arguments`, JSONata) with `stepwise run` on the local services of
    /// `dataDirectory`, as a workflow would, and answers its result; throws ``ProbeFailed`` with the run's stderr.
    package static func probe(_ resource: String, _ arguments: JSON, dataDirectory: URL) async throws -> JSON {
        let definition: JSON = [
            "QueryLanguage": "JSONata", "StartAt": "T",
            "States": ["T": ["Type": "Task", "Resource": .string(resource), "Arguments": arguments, "End": true]],
        ]
        let file = try temporaryDirectory().appendingPathComponent("probe.asl.json")
        try definition.serialized().write(to: file, atomically: true, encoding: .utf8)
        let result = await cli("run", file.path, "--data-dir", dataDirectory.path)
        guard result.status == 0 else { throw ProbeFailed(stderr: result.stderr) }
        return try JSON(parsing: result.stdout)
    }
}

/// A probe Task failed; `stderr` is its run's (`FAILED: Error: Cause`).
package struct ProbeFailed: Error, CustomStringConvertible {
    package let stderr: String
    package var description: String { stderr }
}
