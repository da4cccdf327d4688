import Foundation
import JSON
import Stepwise

/// One project of the CodeBuild projects file (`<data-dir>/codebuild-projects.json`, docs/integrations.md):
/// what a build of it runs, where, with which variables, for how long.
///
/// ```json
/// {"projects": {
///   "registry-validate": {"directory": "../infra", "buildspec": {"version": 0.2, "phases": {"build": {"commands": ["./validate.sh"]}}}},
///   "registry-sync": {"command": ["./sync.sh", "--check"], "environment": {"MODE": "ci"}, "timeoutInMinutes": 10}
/// }}
/// ```
struct CodeBuildProject: Sendable {
    let name: String
    /// Where the commands run: `directory` against the projects file's folder, else that folder.
    let directory: URL
    let buildspec: BuildSpec
    let environment: [(name: String, value: String)]
    let timeoutInMinutes: Double

    static let fields: Set<String> = ["command", "buildspec", "directory", "environment", "timeoutInMinutes", "description"]

    /// The project `name` of the projects file at `file`, or CodeBuild's ResourceNotFoundException.
    static func load(_ name: String, file: URL, arn: String) throws -> CodeBuildProject {
        let notFound = StatesError("CodeBuild.ResourceNotFoundException", "Project cannot be found: \(arn)")
        guard let data = FileManager.default.contents(atPath: file.path) else { throw notFound }
        let place = file.lastPathComponent
        guard let root = try? JSON(parsing: String(decoding: data, as: UTF8.self)), let projects = root["projects"]?.objectValue else {
            throw CodeBuildError.invalidInput("\(place) must be an object with a \"projects\" object")
        }
        guard let entry = projects[name] else { throw notFound }
        return try CodeBuildProject(name: name, json: entry, folder: file.deletingLastPathComponent(), place: "\(place): projects.\(name)")
    }

    init(name: String, json: JSON, folder: URL, place: String) throws {
        guard let object = json.objectValue else { throw CodeBuildError.invalidInput("\(place) must be an object") }
        if let unknown = object.keys.first(where: { !Self.fields.contains($0) }) {
            throw CodeBuildError.invalidInput("\(place): unknown field '\(unknown)' (known: \(Self.fields.sorted().joined(separator: ", ")))")
        }
        self.name = name
        let directory = object["directory"]?.stringValue.map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
        }
        self.directory = (directory ?? folder).standardizedFileURL
        switch (object["command"], object["buildspec"]) {
        case (let command?, nil):
            let words = command.arrayValue?.compactMap(\.stringValue) ?? []
            guard !words.isEmpty, words.count == command.arrayValue?.count else {
                throw CodeBuildError.invalidInput("\(place).command must be a non-empty array of strings")
            }
            buildspec = BuildSpec(command: words)
        case (nil, let spec?):
            if let path = spec.stringValue {
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw CodeBuildError.invalidInput("\(place).buildspec: cannot read \(url.path)")
                }
                buildspec = try BuildSpec(text: String(decoding: data, as: UTF8.self), place: "\(place).buildspec")
            } else {
                buildspec = try BuildSpec(json: spec, place: "\(place).buildspec")
            }
        default:
            throw CodeBuildError.invalidInput("\(place) must have exactly one of command and buildspec")
        }
        environment = try BuildSpec.variables(object["environment"], place: "\(place).environment")
        if let timeout = object["timeoutInMinutes"] {
            guard let minutes = timeout.doubleValue, minutes > 0 else {
                throw CodeBuildError.invalidInput("\(place).timeoutInMinutes must be a positive number")
            }
            timeoutInMinutes = minutes
        } else {
            timeoutInMinutes = 60
        }
    }
}

/// A buildspec (version 0.2, in JSON): its phases' commands, variables and exported variables.
struct BuildSpec: Sendable {
    /// The phases in the order they run, with their commands.
    static let phaseNames = [("install", "INSTALL"), ("pre_build", "PRE_BUILD"), ("build", "BUILD"), ("post_build", "POST_BUILD")]

    var phases: [(type: String, commands: [String])]
    var variables: [(name: String, value: String)] = []
    var exported: [String] = []

    /// A project's `command`: one BUILD phase running it (its words quoted for the shell).
    init(command words: [String]) {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        phases = [("BUILD", [quoted.joined(separator: " ")])]
    }

    /// A buildspec given as text (StartBuild's `BuildspecOverride`, a buildspec file): JSON only.
    init(text: String, place: String) throws {
        guard let json = try? JSON(parsing: text) else {
            throw CodeBuildError.invalidInput("\(place): the buildspec must be JSON (YAML buildspecs are not read locally)")
        }
        try self.init(json: json, place: place)
    }

    init(json: JSON, place: String) throws {
        guard let object = json.objectValue else { throw CodeBuildError.invalidInput("\(place) must be an object") }
        phases = []
        let declared = object["phases"]?.objectValue ?? [:]
        if let unknown = declared.keys.first(where: { key in !Self.phaseNames.contains { $0.0 == key } }) {
            throw CodeBuildError.invalidInput("\(place).phases: unknown phase '\(unknown)' (install, pre_build, build, post_build)")
        }
        for (key, type) in Self.phaseNames {
            guard let phase = declared[key] else { continue }
            let commands = phase["commands"]?.arrayValue ?? []
            let texts = commands.compactMap(\.stringValue)
            guard texts.count == commands.count else { throw CodeBuildError.invalidInput("\(place).phases.\(key).commands must be strings") }
            phases.append((type, texts))
        }
        guard !phases.isEmpty else { throw CodeBuildError.invalidInput("\(place) has no phases with commands") }
        let env = object["env"]
        variables = try Self.variables(env?["variables"], place: "\(place).env.variables")
        let exported = env?["exported-variables"]?.arrayValue ?? []
        self.exported = exported.compactMap(\.stringValue)
        guard self.exported.count == exported.count, self.exported.allSatisfy(Self.isVariableName) else {
            throw CodeBuildError.invalidInput("\(place).env.exported-variables must be variable names")
        }
    }

    /// `{"NAME": "value"}` as ordered pairs (numbers and booleans as their text).
    static func variables(_ json: JSON?, place: String) throws -> [(name: String, value: String)] {
        guard let json, !json.isNull else { return [] }
        guard let object = json.objectValue else { throw CodeBuildError.invalidInput("\(place) must be an object of variables") }
        return try object.map { name, value in
            guard isVariableName(name) else { throw CodeBuildError.invalidInput("\(place): '\(name)' is not a variable name") }
            switch value {
            case .string(let text): return (name, text)
            case .number, .bool: return (name, value.serialized())
            default: throw CodeBuildError.invalidInput("\(place).\(name) must be a string")
            }
        }
    }

    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && CharacterSet.letters.contains(first)) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    /// The shell script that runs the phases as CodeBuild does: one shell for the whole build (variables persist
    /// from phase to phase), a failed command ends its phase; a failed INSTALL or PRE_BUILD skips the later
    /// phases, a failed BUILD still runs POST_BUILD. Each phase's start and end, and a failed command's index and
    /// status, go to `$STEPWISE_BUILD_MARKS`; the exported variables to files in `$STEPWISE_BUILD_EXPORTS`.
    var script: String {
        var lines = [
            "__sw_mark() { printf '%s\\n' \"$*\" >> \"$STEPWISE_BUILD_MARKS\"; }", "__sw_failed=",
        ]
        for (type, commands) in phases {
            let runs = type == "POST_BUILD" ? "[ -z \"$__sw_failed\" ] || [ \"$__sw_failed\" = BUILD ]" : "[ -z \"$__sw_failed\" ]"
            lines += ["if \(runs); then", "__sw_mark START \(type) $(date +%s)", "__sw_pf="]
            for (index, command) in commands.enumerated() {
                lines += [
                    "if [ -z \"$__sw_pf\" ]; then", command,
                    "__sw_rc=$?; if [ $__sw_rc -ne 0 ]; then __sw_pf=1; __sw_failed=\(type); __sw_mark FAIL \(type) \(index) $__sw_rc; fi", "fi",
                ]
            }
            lines += ["__sw_mark END \(type) $(date +%s)", "fi"]
        }
        for name in exported {
            lines.append("if [ \"${\(name)+set}\" = set ]; then printf '%s' \"$\(name)\" > \"$STEPWISE_BUILD_EXPORTS/\(name)\"; fi")
        }
        lines.append("[ -z \"$__sw_failed\" ]")
        return lines.joined(separator: "\n")
    }
}

/// CodeBuild's errors as Step Functions names them.
enum CodeBuildError {
    static func invalidInput(_ message: String) -> StatesError { StatesError("CodeBuild.InvalidInputException", message) }
}
