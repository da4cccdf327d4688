/// The AWS CLI's shared credentials and config files (`~/.aws/credentials`, `~/.aws/config`): `[section]`
/// headers, `key = value` (or `key: value`) lines, whole-line `#` and `;` comments, and nested settings (an
/// empty `key =` followed by indented `subkey = value` lines, stored as `key.subkey`). Keys are case-insensitive
/// (lower-cased, as Python's configparser does); section names are not; a repeated section adds to the first.
package struct AWSIniFile: Sendable, Equatable {
    /// A `[name]` section and its settings, in file order.
    package struct Section: Sendable, Equatable {
        package var name: String
        package var values: [String: String]
    }

    /// A line the format does not allow, with its 1-based number.
    package struct ParseError: Error, Equatable, CustomStringConvertible {
        package var line: Int
        package var reason: String
        package var description: String { "line \(line): \(reason)" }

        package init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    package private(set) var sections: [Section] = []

    package init(parsing text: String) throws(ParseError) {
        var nestedKey: String?
        var current: Int?
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else { throw ParseError(line: number, reason: "a section header must be '[name]'") }
                let name = String(line.dropFirst().dropLast()).trimmingWhitespace()
                if let existing = sections.firstIndex(where: { $0.name == name }) {
                    current = existing
                } else {
                    sections.append(Section(name: name, values: [:]))
                    current = sections.count - 1
                }
                nestedKey = nil
                continue
            }
            guard let index = current else {
                throw ParseError(line: number, reason: "a setting must follow a '[section]' header")
            }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw ParseError(line: number, reason: "expected 'key = value'")
            }
            let key = String(line[..<separator]).trimmingWhitespace().lowercased()
            let value = String(line[line.index(after: separator)...]).trimmingWhitespace()
            let indented = rawLine.first == " " || rawLine.first == "\t"
            if indented, let parent = nestedKey {
                sections[index].values["\(parent).\(key)"] = value
            } else {
                sections[index].values[key] = value
                nestedKey = value.isEmpty ? key : nil
            }
        }
    }

    /// The settings of the section named exactly `name`.
    package func section(_ name: String) -> [String: String]? { sections.first { $0.name == name }?.values }

    /// The settings of profile `name`: in a config file `[profile name]` (or `[default]` for the default
    /// profile, which may also be written `[profile default]`), in a credentials file `[name]`.
    package func profile(_ name: String, configFile: Bool) -> [String: String]? {
        guard configFile else { return section(name) }
        if name == "default", let values = section("default") { return values }
        return sections.first { section in
            let words = section.name.split(whereSeparator: \.isWhitespace)
            return words.count == 2 && words[0] == "profile" && words[1] == name
        }?.values
    }

    /// The profile names, in file order (`[profile x]` as `x` in a config file; other section kinds such as
    /// `[sso-session x]` are left out).
    package func profileNames(configFile: Bool) -> [String] {
        guard configFile else { return sections.map(\.name) }
        return sections.compactMap { section in
            if section.name == "default" { return "default" }
            let words = section.name.split(whereSeparator: \.isWhitespace)
            return words.count == 2 && words[0] == "profile" ? String(words[1]) : nil
        }
    }

    /// The access key of profile `name` (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`), or
    /// nil when it has no complete key.
    package func credentials(profile name: String, configFile: Bool = false) -> AWSCredentials? {
        guard let values = profile(name, configFile: configFile), let id = values["aws_access_key_id"], !id.isEmpty,
            let secret = values["aws_secret_access_key"], !secret.isEmpty
        else { return nil }
        let token = values["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token)
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
