import Foundation
import JSON
import Stepwise

/// Applies a ``Seed`` to a data directory through the local services' own stores, unit by unit, and records
/// what it did in the directory's ``SeedManifest``.
///
/// A unit is written when the data directory lacks it; what is there is never overwritten unless it is exactly
/// what an earlier seeding put there and the declaration has changed since (a new version of a seeded file).
/// A unit seeded once is not put back automatically after the user deleted it: `run`, `serve` and `resume`
/// (mode ``Mode/missing``) leave it deleted; `stepwise data seed` (mode ``Mode/onDemand``) restores it.
package struct Seeder: Sendable {
    package enum Mode: Sendable {
        /// Before a run: units never seeded, or whose declaration changed.
        case missing
        /// On request: also units seeded before and deleted since.
        case onDemand
    }

    /// What happened to one unit.
    package enum Outcome: Sendable, Equatable {
        case created
        /// A changed declaration replaced what an earlier seeding put there.
        case updated
        case unchanged
        /// Left as it is, for the reason given.
        case kept(String)
    }

    let directory: DataDirectory
    let region: String
    let account: String

    package init(directory: DataDirectory, region: String = "us-east-1", account: String = "123456789012") {
        self.directory = directory
        self.region = region
        self.account = account
    }

    /// Applies `seed`; the manifest records every unit applied, even when a later one fails.
    ///
    /// - Throws: ``SeedError`` naming the unit's declaration when a service refuses it, or when the manifest cannot
    ///   be read or written.
    package func apply(_ seed: Seed, mode: Mode) async throws(SeedError) -> SeedReport {
        let recorded = try SeedManifest.read(directory)
        var manifest = recorded
        manifest.seedFile = seed.file
        var report = SeedReport(dataDirectory: directory.url.path, seedFile: seed.file)
        var failure: SeedError?
        for unit in seed.units {
            do {
                let (outcome, entry) = try await apply(unit, recorded: manifest.units[unit.id], mode: mode)
                manifest.units[unit.id] = entry
                report.outcomes.append((unit.id, outcome))
            } catch {
                failure = error
                break
            }
        }
        if manifest != recorded {
            do { try manifest.write(to: directory) } catch {
                failure = failure ?? SeedError("\(directory.url.path): cannot record the seeding: \(error)")
            }
        }
        if let failure { throw failure }
        return report
    }

    private func apply(_ unit: SeedUnit, recorded: SeedManifest.Entry?, mode: Mode) async throws(SeedError) -> (Outcome, SeedManifest.Entry?) {
        let present: Bool = try await at(unit) { try await exists(unit.content) }
        let now = ISOTimestamp.format(Date())
        if let recorded, recorded.declared == unit.digest, present || mode == .missing { return (.unchanged, recorded) }
        guard present else {
            let seeded = try await at(unit) { try await write(unit, replacing: false) }
            return (.created, SeedManifest.Entry(declared: unit.digest, seeded: seeded, date: now))
        }
        guard let recorded else {
            return (
                .kept("already in the data directory, not seeded: left as it is"), SeedManifest.Entry(declared: unit.digest, seeded: nil, date: now)
            )
        }
        // The declaration changed and the data directory has the unit: replace it only if it is what was seeded.
        let current: String? = try await at(unit) { try await fingerprint(unit.content) }
        guard let seeded = recorded.seeded, current == seeded else {
            return (.kept(Self.reasonKept(unit, recorded)), SeedManifest.Entry(declared: unit.digest, seeded: recorded.seeded, date: recorded.date))
        }
        let replaced = try await at(unit) { try await write(unit, replacing: true) }
        return (.updated, SeedManifest.Entry(declared: unit.digest, seeded: replaced, date: now))
    }

    /// Why a unit whose declaration changed is left as the data directory has it.
    private static func reasonKept(_ unit: SeedUnit, _ recorded: SeedManifest.Entry) -> String {
        switch unit.content {
        case .table, .sqlTable: "its seed changed, but a table is not replaced (`stepwise data seed --reset` starts afresh)"
        default:
            recorded.seeded == nil
                ? "already in the data directory, not seeded: left as it is"
                : "changed since it was seeded: left as it is (`stepwise data seed --reset` starts afresh)"
        }
    }

    /// Runs a read or write of `unit`, reporting a failure as a ``SeedError`` at its declaration.
    private func at<T>(_ unit: SeedUnit, _ body: () async throws -> T) async throws(SeedError) -> T {
        do { return try await body() } catch let error as SeedError { throw error } catch { throw SeedError("\(unit.place): \(error)") }
    }
}
