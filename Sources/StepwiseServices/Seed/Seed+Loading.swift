import Foundation
import JSON

extension Seed {
    /// The seed declared by `path`: a settings file (`stepwise.json`, whose `seed` member is the seed itself or the
    /// path of a seed file, relative to it) or a seed file (members `s3`, `dynamodb`, `sql`, `secrets`). Nil when a
    /// settings file declares no seed. Paths inside a seed are relative to the file that declares them.
    ///
    /// - Throws: ``SeedError`` naming the file and the member: unreadable, not JSON, an unknown member, a wrong
    ///   type, a glob that matches nothing, a unit declared twice.
    package static func load(_ path: String) throws(SeedError) -> Seed? {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let object = try readObject(url, display: path)
        guard object["workflows"] != nil || object["seed"] != nil else { return try parse(.object(object), url: url, display: path, place: "") }
        switch object["seed"] {
        case nil:
            return nil
        case .string(let file)?:
            let seedURL = URL(fileURLWithPath: file, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
            let display = (path as NSString).deletingLastPathComponent.isEmpty ? file : "\((path as NSString).deletingLastPathComponent)/\(file)"
            return try parse(.object(try readObject(seedURL, display: display)), url: seedURL, display: display, place: "")
        case let seed?:
            guard seed.objectValue != nil else { throw SeedError("\(path): seed must be an object or the path of a seed file") }
            return try parse(seed, url: url, display: path, place: "seed.")
        }
    }

    private static func readObject(_ url: URL, display: String) throws(SeedError) -> JSONObject {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw SeedError("\(display): cannot read the file") }
        let json: JSON
        do { json = try JSON(parsing: data) } catch { throw SeedError("\(display): not JSON: \(error)") }
        guard let object = json.objectValue else { throw SeedError("\(display): must be a JSON object") }
        return object
    }

    private static func parse(_ seed: JSON, url: URL, display: String, place: String) throws(SeedError) -> Seed {
        var parser = SeedParser(display: display, base: url.deletingLastPathComponent())
        try parser.parse(seed, place: place)
        return Seed(file: url.path, units: parser.units)
    }
}
