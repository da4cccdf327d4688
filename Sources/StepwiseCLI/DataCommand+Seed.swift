import Foundation
import JSON
import StepwiseServices

/// `stepwise data seed [--seed FILE] [--reset]`: applies a seed on request (docs/seeding.md).
extension DataCommand {
    static let defaultSeedFile = "workflows/stepwise.json"

    static func seed(_ request: DataRequest, _ output: inout Output) async throws -> Int32 {
        let file = try seedFile(request)
        guard let seed = try Seed.load(file) else { throw DataFailure("\(file) declares no seed (it has no \"seed\" member)") }
        let removed = request.arguments.flag("reset") ? try request.directory.reset() : []
        let report = try await Seeder(directory: request.directory).apply(seed, mode: .onDemand)
        if request.json {
            var json = report.json.objectValue ?? [:]
            json["reset"] = .array(removed.map(JSON.string))
            output.print(JSON.object(json).serialized(.pretty))
            return 0
        }
        if request.arguments.flag("reset") {
            output.print("reset \(request.directory.url.path): deleted \(removed.isEmpty ? "nothing" : removed.joined(separator: ", "))")
        }
        output.print("seeded \(request.directory.url.path) from \(file): \(report.counts)")
        for line in report.lines { output.print("  \(line)") }
        return 0
    }

    /// `--seed`, else the file the data directory was seeded from, else `workflows/stepwise.json`.
    private static func seedFile(_ request: DataRequest) throws -> String {
        if let file = request.arguments.value("seed") { return file }
        if let recorded = try SeedManifest.read(request.directory).seedFile, FileManager.default.fileExists(atPath: recorded) { return recorded }
        guard FileManager.default.fileExists(atPath: defaultSeedFile) else {
            throw DataFailure("no seed file: give --seed FILE (the data directory names none, and there is no \(defaultSeedFile) here)")
        }
        return defaultSeedFile
    }
}
