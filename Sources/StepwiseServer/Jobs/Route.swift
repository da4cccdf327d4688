/// A REST route: a method and a path template such as `/jobs/{id}/cancel`, whose `{name}` segments capture.
struct Route: Sendable {
    typealias Handler = @Sendable (JobsAPI, HTTPRequest, [String: String]) async throws -> HTTPResponse

    let method: String
    let template: String
    let handler: Handler

    /// The captured segments when `path` fits the template, else nil.
    func match(_ path: String) -> [String: String]? {
        let parts = Self.segments(path)
        let pattern = Self.segments(template)
        guard parts.count == pattern.count else { return nil }
        var captures: [String: String] = [:]
        for (part, expected) in zip(parts, pattern) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                guard !part.isEmpty else { return nil }
                captures[String(expected.dropFirst().dropLast())] = part
            } else if part != expected {
                return nil
            }
        }
        return captures
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}
