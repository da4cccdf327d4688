import Foundation
import JSON

/// Definitions and requests the console's tests share.
enum ConsoleFixtures {
    /// A Parallel whose branch fails, caught, then a Fail: every colour but running and retried.
    static let caught = #"""
        {"StartAt":"Try","States":{
          "Try":{"Type":"Parallel","Branches":[{"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Oops","Cause":"it broke"}}}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Recover"}],"Next":"Done"},
          "Recover":{"Type":"Pass","Result":{"tried":true},"ResultPath":"$.recovered","Next":"Give up"},
          "Give up":{"Type":"Fail","Error":"Gave.Up","Cause":"caught, then failed"},
          "Done":{"Type":"Succeed"}}}
        """#

    /// State names, an error and a cause that are markup.
    static let hostile = #"""
        {"StartAt":"<img src=x onerror=alert(1)>","States":{
          "<img src=x onerror=alert(1)>":{"Type":"Pass","Next":"<script>alert(2)</script>"},
          "<script>alert(2)</script>":{"Type":"Fail","Error":"<b>Bold</b>","Cause":"\"quoted\" & <i>cause</i>"}}}
        """#

    /// The `name=value&…` query of a console request, each part percent-encoded.
    static func query(_ parameters: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }.joined(separator: "&")
    }
}

extension APIClient {
    /// GET of a console endpoint: `console("executions", ["status": "RUNNING"])`.
    func console(_ endpoint: String, _ parameters: KeyValuePairs<String, String> = [:]) async throws -> (status: Int, body: JSON) {
        let query = ConsoleFixtures.query(parameters.map { ($0.key, $0.value) })
        return try await send("GET", "/console/api/\(endpoint)" + (query.isEmpty ? "" : "?\(query)"))
    }

    /// GET of a console endpoint that must answer 200.
    func consoleOK(_ endpoint: String, _ parameters: KeyValuePairs<String, String> = [:]) async throws -> JSON {
        let (status, body) = try await console(endpoint, parameters)
        guard status == 200 else { throw ClientError(description: "\(endpoint) answered \(status): \(body)") }
        return body
    }
}

extension JSON {
    /// The `data-state` → `data-status` pairs of a coloured SVG, in document order.
    var stateStatuses: [String: String] {
        guard let svg = stringValue else { return [:] }
        var statuses: [String: String] = [:]
        for line in svg.split(separator: "\n") where line.hasPrefix("<g class=\"sw-state") {
            guard let name = line.slice(after: "data-state=\"", before: "\""), let status = line.slice(after: "data-status=\"", before: "\"") else {
                continue
            }
            statuses[name] = status
        }
        return statuses
    }
}

extension Substring {
    func slice(after start: String, before end: String) -> String? {
        guard let from = range(of: start)?.upperBound, let to = self[from...].range(of: end)?.lowerBound else { return nil }
        return String(self[from..<to])
    }
}
