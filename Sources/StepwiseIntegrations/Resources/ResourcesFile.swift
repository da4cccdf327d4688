import Foundation
import JSON
import Stepwise

/// A resources file (`--resources FILE`): maps resource ARNs and Lambda function names, exact or with `*`
/// wildcards, to local commands and HTTP endpoints.
///
/// ```json
/// {"resources": {
///   "adder": {"command": ["python3", "adder.py"]},
///   "arn:aws:lambda:*:*:function:notify-*": {"command": ["./notify.sh"], "timeoutSeconds": 30},
///   "scorer": {"url": "http://127.0.0.1:9000/score"}
/// }}
/// ```
public struct ResourcesFile: Sendable {
    /// The entries in file order.
    package let entries: [ResourceEntry]
    /// The folder relative paths resolve against, and where commands run.
    package let folder: URL

    /// Reads and checks a resources file.
    public init(contentsOf path: String) throws(ConfigFileError) {
        let json: JSON
        do {
            json = try JSON(parsing: try String(contentsOfFile: path, encoding: .utf8))
        } catch let error as JSONParseError {
            throw ResourceEntry.error("not valid JSON: \(error.message)", path)
        } catch {
            throw ResourceEntry.error("cannot read the file: \(error.localizedDescription)", path)
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        try self.init(json: json, folder: url.deletingLastPathComponent(), file: path)
    }

    /// Checks a resources object; commands with relative paths resolve against `folder`.
    package init(json: JSON, folder: URL, file: String = "resources file") throws(ConfigFileError) {
        guard let resources = json["resources"] else { throw ResourceEntry.error("needs a \"resources\" object", file) }
        guard let object = resources.objectValue else { throw ResourceEntry.error("must be an object", "\(file): resources") }
        var entries: [ResourceEntry] = []
        for (key, value) in object {
            entries.append(try ResourceEntry(key: key, json: value, folder: folder, location: "\(file): resources.\(key)"))
        }
        self.entries = entries
        self.folder = folder
    }

    /// The entry for the first candidate name that an entry's key equals, else the first entry (in file order)
    /// whose pattern matches a candidate.
    package func entry(for candidates: [String]) -> ResourceEntry? {
        for candidate in candidates {
            if let entry = entries.first(where: { !$0.isPattern && $0.key == candidate }) { return entry }
        }
        return entries.first { entry in entry.isPattern && candidates.contains { Glob.matches(entry.key, $0) } }
    }

    /// Whether some entry can name a Lambda function (so `lambda:invoke` tasks are worth resolving here).
    var hasFunctionEntries: Bool { entries.contains(where: \.mayNameFunction) }
}
