import Stepwise
import StepwiseIntegrations
import StepwiseServices
import StepwiseStore

/// A runtime assembled the one way every door assembles it: `Runtime`, the local services of a data directory,
/// the program's own handlers, the local integrations (`LocalIntegrations`), the seed applied to the data
/// directory, then the store and the `DurableRuntime` over it, each wired once, in that order (a bad mock config,
/// resources file or seed file is reported before the database is touched).
///
/// What runs executions has three names: `Runtime` (in memory), `DurableRuntime` (records every step in SQLite
/// and resumes after a crash) and `ExecutionDriver` (drives one execution). A host holds the first two.
package final class RuntimeHost: Sendable {
    package let runtime: Runtime
    /// The durable runtime; nil when the options named no database.
    package let durable: DurableRuntime?
    /// The test cases bound per execution (`HostOptions.Integrations.server` with a mock config file only).
    package let testCases: TestCaseRegistry?
    /// What seeding the data directory did; nil when the options named no seed file, or one that declares none.
    package let seeding: SeedReport?

    /// Assembles a host.
    ///
    /// - Throws: `ConfigFileError` for a mock config or resources file; `SeedError` for a seed file, or a seed the
    ///   local services refuse; the store's error (`StoreError`, say) when the database cannot be opened.
    package init(_ options: HostOptions) async throws {
        let runtime = Runtime(clock: options.clock, region: options.region, account: options.account)
        if let path = options.dataDirectory { LocalServices.install(DataDirectory(path: path), into: runtime) }
        options.configureRuntime(runtime)
        testCases = try options.integrations.install(on: runtime)
        self.runtime = runtime
        seeding = try await Self.seed(options)
        let store: Store? =
            switch options.database {
            case .none: nil
            case .file(let path, let storeOptions): try await Store(path: path, options: storeOptions)
            case .store(let store): store
            }
        durable = store.map { store in
            DurableRuntime(store: store, runtime: runtime, resumeInterval: options.resumeInterval, onNotice: options.onNotice)
        }
    }

    /// Applies the seed of `options.seedFile` to the data directory (units it lacks only).
    private static func seed(_ options: HostOptions) async throws(SeedError) -> SeedReport? {
        guard let path = options.dataDirectory, let file = options.seedFile, let seed = try Seed.load(file) else { return nil }
        let seeder = Seeder(directory: DataDirectory(path: path), region: options.region, account: options.account)
        return try await seeder.apply(seed, mode: .missing)
    }

    /// The durable runtime of a host whose options named a database (asking another host is a programming error).
    package var durableRuntime: DurableRuntime {
        guard let durable else { preconditionFailure("RuntimeHost: the options named no database, so there is no DurableRuntime") }
        return durable
    }

    /// Flushes and closes the store, if there is one.
    package func close() async throws { try await durable?.close() }
}
