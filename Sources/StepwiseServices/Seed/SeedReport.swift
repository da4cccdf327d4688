import Foundation
import JSON

/// What one seeding did, unit by unit, for `stepwise data seed` and the notices of `run`, `serve` and `resume`.
package struct SeedReport: Sendable {
    package var dataDirectory: String
    package var seedFile: String
    package var outcomes: [(id: String, outcome: Seeder.Outcome)] = []

    package init(dataDirectory: String, seedFile: String) {
        self.dataDirectory = dataDirectory
        self.seedFile = seedFile
    }

    /// Whether anything was written or left for a reason worth telling (nothing when every unit was unchanged).
    package var isNoteworthy: Bool { outcomes.contains { $0.outcome != .unchanged } }

    /// `created 3, updated 0, kept 1, unchanged 2`.
    package var counts: String {
        let created = outcomes.count { $0.outcome == .created }
        let updated = outcomes.count { $0.outcome == .updated }
        let unchanged = outcomes.count { $0.outcome == .unchanged }
        return "created \(created), updated \(updated), kept \(outcomes.count - created - updated - unchanged), unchanged \(unchanged)"
    }

    /// One line per unit that was created, updated or kept (`created  s3://portal-data/imports/a.csv`, `kept
    /// s3://…: why`).
    package var lines: [String] {
        outcomes.compactMap { id, outcome in
            switch outcome {
            case .created: "created    \(id)"
            case .updated: "updated    \(id)"
            case .unchanged: nil
            case .kept(let reason): "kept       \(id): \(reason)"
            }
        }
    }

    /// What seeding did, in lines for a log or a terminal (nothing when every unit was already there); the data
    /// directory and the seed file as the user named them.
    package func notice(dataDirectory: String, seedFile: String) -> [String] {
        guard isNoteworthy else { return [] }
        return ["seeded \(dataDirectory) from \(seedFile): \(counts)"] + lines.map { "  \($0)" }
    }

    /// The report as JSON: `{dataDirectory, seedFile, units: [{id, outcome, reason?}]}`.
    package var json: JSON {
        let units = outcomes.map { id, outcome -> JSON in
            switch outcome {
            case .created: ["id": .string(id), "outcome": "created"]
            case .updated: ["id": .string(id), "outcome": "updated"]
            case .unchanged: ["id": .string(id), "outcome": "unchanged"]
            case .kept(let reason): ["id": .string(id), "outcome": "kept", "reason": .string(reason)]
            }
        }
        return ["dataDirectory": .string(dataDirectory), "seedFile": .string(seedFile), "units": .array(units)]
    }
}
