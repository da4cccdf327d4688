import Foundation
import JSON

/// What a data directory was seeded with: `<data-dir>/seeded.json`, written by the ``Seeder``. It names the seed
/// file (so `stepwise resume` and `stepwise data seed` find it again) and, per unit, the digest of the
/// declaration that was applied and a fingerprint of what it put there (an object's ETag, a secret's value
/// digest; nil for tables, and for a unit that found something already there and left it).
package struct SeedManifest: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var declared: String
        package var seeded: String?
        package var date: String
    }

    package var seedFile: String?
    package var units: [String: Entry] = [:]

    package static let fileName = "seeded.json"

    package init(seedFile: String? = nil) { self.seedFile = seedFile }

    /// The manifest of `directory`; empty when it has none.
    ///
    /// - Throws: ``SeedError`` for a file that is not a manifest.
    package static func read(_ directory: DataDirectory) throws(SeedError) -> SeedManifest {
        let url = directory.url.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return SeedManifest() }
        guard let json = try? JSON(parsing: data), let units = json["units"]?.objectValue else {
            throw SeedError("\(url.path) is not a seed manifest; delete it, or start afresh with `stepwise data seed --reset`")
        }
        var manifest = SeedManifest(seedFile: json["seedFile"]?.stringValue)
        for (id, entry) in units {
            guard let declared = entry["declared"]?.stringValue else { continue }
            manifest.units[id] = Entry(declared: declared, seeded: entry["seeded"]?.stringValue, date: entry["date"]?.stringValue ?? "")
        }
        return manifest
    }

    /// Writes the manifest into `directory` (atomically: a crash leaves the old one or the new one).
    package func write(to directory: DataDirectory) throws {
        let units = self.units.sorted { $0.key < $1.key }.map { id, entry -> (String, JSON) in
            (id, ["declared": .string(entry.declared), "seeded": entry.seeded.map(JSON.string) ?? .null, "date": .string(entry.date)])
        }
        let json: JSON = ["seedFile": seedFile.map(JSON.string) ?? .null, "units": .object(JSONObject(units))]
        try Data((json.serialized(.pretty) + "\n").utf8).write(to: try directory.file(Self.fileName), options: .atomic)
    }
}
