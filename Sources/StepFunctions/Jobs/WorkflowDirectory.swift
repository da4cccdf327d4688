import Foundation
import JSON

/// A directory of workflows for `stepwise serve --workflows DIR`: every `NAME.asl.json` is the state machine
/// NAME, and an optional `stepwise.json` configures their jobs (``JobSettings``):
///
/// ```json
/// {"workflows": {"migrate-subscriber": {"maxConcurrency": 2}}}
/// ```
package struct WorkflowDirectory: Sendable {
    /// Definition text by state machine name, sorted by name.
    package var definitions: [(name: String, text: String)]
    /// The job settings of each workflow that has some.
    package var jobSettings: [String: JobSettings]

    /// Maximum concurrently running jobs per workflow (`maxConcurrency`, a positive integer).
    package var concurrencyLimits: [String: Int] { jobSettings.compactMapValues(\.maxConcurrency) }

    package static let suffix = ".asl.json"
    package static let configName = "stepwise.json"

    /// Reads the directory. - Throws: ``ServeError`` for an unreadable directory or an invalid config.
    package init(path: String) throws {
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw ServeError("cannot read the workflows directory \(path)")
        }
        definitions = try files.filter { $0.hasSuffix(Self.suffix) && $0.count > Self.suffix.count }.sorted().map { file in
            let name = String(file.dropLast(Self.suffix.count))
            guard let text = try? String(contentsOfFile: "\(path)/\(file)", encoding: .utf8) else {
                throw ServeError("cannot read \(path)/\(file)")
            }
            return (name, text)
        }
        let configPath = "\(path)/\(Self.configName)"
        jobSettings = FileManager.default.fileExists(atPath: configPath) ? try Self.settings(configPath) : [:]
        let names = Set(definitions.map(\.name))
        for (name, settings) in jobSettings {
            if settings.schedule != nil, !names.contains(name) {
                throw ServeError("\(configPath): workflows.\(name) has a schedule, but there is no \(name)\(Self.suffix)")
            }
            for named in settings.workflowsNamed where !names.contains(named) {
                throw ServeError("\(configPath): workflows.\(name) names the workflow '\(named)', which has no \(named)\(Self.suffix)")
            }
        }
    }

    /// The job settings of every workflow in a config file.
    static func settings(_ path: String) throws -> [String: JobSettings] {
        guard let data = FileManager.default.contents(atPath: path), let config = try? JSON(parsing: data),
            let object = config.objectValue
        else { throw ServeError("\(path) is not a JSON object") }
        guard let workflows = object["workflows"] else { return [:] }
        guard let entries = workflows.objectValue else { throw ServeError("\(path): 'workflows' must be an object") }
        var settings: [String: JobSettings] = [:]
        for (name, entry) in entries { settings[name] = try JobSettings(entry, place: "\(path): workflows.\(name)") }
        return settings
    }
}
