import Foundation
import JSON

/// One entry of a resources file: what runs the resources its key matches.
package struct ResourceEntry: Sendable {
    /// What the entry runs.
    package enum Target: Sendable, Equatable {
        /// A local command: the executable (resolved to an absolute path) and its arguments.
        case command([String])
        /// An HTTP endpoint that gets the input as a POST.
        case url(URL)
    }

    /// The key as written: a resource ARN or a Lambda function name, exact or with `*` wildcards.
    package let key: String
    package let target: Target
    /// How long the command or request may take before it is killed or aborted.
    package let timeoutSeconds: Double?

    var isPattern: Bool { key.contains("*") }

    /// Whether the key can name a Lambda function (a bare name or a Lambda ARN, possibly a pattern).
    var mayNameFunction: Bool { !key.hasPrefix("arn:") || key.hasPrefix("arn:aws:lambda:") || key.hasPrefix("arn:*") }
}

extension ResourceEntry {
    static let fields: Set<String> = ["command", "url", "timeoutSeconds"]

    /// Parses `{"command": [...]}` or `{"url": "..."}`, with an optional positive `timeoutSeconds`.
    init(key: String, json: JSON, folder: URL, location: String) throws(ConfigFileError) {
        guard let object = json.objectValue else { throw Self.error("must be an object with a command or a url", location) }
        if let unknown = object.keys.first(where: { !Self.fields.contains($0) }) {
            throw Self.error("unknown field '\(unknown)' (an entry has command or url, and timeoutSeconds)", location)
        }
        switch (object["command"], object["url"]) {
        case (let command?, nil):
            let words = command.arrayValue?.compactMap(\.stringValue) ?? []
            guard !words.isEmpty, words.count == command.arrayValue?.count else {
                throw Self.error("command must be a non-empty array of strings", "\(location).command")
            }
            target = .command(try Self.resolve(words, folder: folder, location: "\(location).command"))
        case (nil, let url?):
            guard let text = url.stringValue, let value = URL(string: text), ["http", "https"].contains(value.scheme ?? "") else {
                throw Self.error("url must be an http:// or https:// URL", "\(location).url")
            }
            target = .url(value)
        default:
            throw Self.error("must have exactly one of command and url", location)
        }
        if let timeout = object["timeoutSeconds"] {
            guard let seconds = timeout.doubleValue, seconds > 0 else {
                throw Self.error("timeoutSeconds must be a positive number", "\(location).timeoutSeconds")
            }
            timeoutSeconds = seconds
        } else {
            timeoutSeconds = nil
        }
        self.key = key
    }

    /// The executable as an absolute path: relative paths (`./notify.sh`, `bin/tool`) against the file's folder,
    /// bare names (`python3`) through PATH. Arguments are left as they are; commands run in the file's folder.
    static func resolve(_ words: [String], folder: URL, location: String) throws(ConfigFileError) -> [String] {
        var words = words
        let executable = words[0]
        if executable.hasPrefix("/") { return words }
        if executable.contains("/") {
            words[0] = folder.appendingPathComponent(executable).standardizedFileURL.path
            return words
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                words[0] = candidate
                return words
            }
        }
        throw error("'\(executable)' is not found in PATH", location)
    }

    static func error(_ message: String, _ location: String) -> ConfigFileError {
        ConfigFileError("ResourcesFileError", message, location: location)
    }
}
