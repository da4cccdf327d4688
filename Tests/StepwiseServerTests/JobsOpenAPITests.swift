import Foundation
import Testing

@testable import StepwiseServer

@Suite("REST jobs API: docs/openapi.yaml", .timeLimit(.minutes(3)))
struct JobsOpenAPITests {
    /// `docs/openapi.yaml`, found from this file's path.
    static let documentURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")

    /// The `METHOD /path` pairs of the document's `paths` section (two-space path keys, four-space methods).
    static func documentedOperations(_ text: String) -> Set<String> {
        var operations: Set<String> = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /") && !line.hasPrefix("   ") && line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    ") && !line.hasPrefix("     "),
                let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" })
            {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("Every route of the server is documented, and every documented operation is a route")
    func documentMatchesRoutes() throws {
        let text = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let documented = Self.documentedOperations(text)
        let routes = Set(JobsAPI.routeTable.map { "\($0.method) \($0.template)" })
        #expect(documented == routes)
        #expect(routes.count == 7)
    }
}
