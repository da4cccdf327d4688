import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// What a ``RuntimeHost`` is assembled from. Every door gives its own: `stepwise run`, `resume` and `serve`, the
/// migration example, the benchmarks and the test support.
package struct HostOptions: Sendable {
    /// Where executions are recorded.
    package enum Database: Sendable {
        /// Nowhere: executions live in memory only (the host has no `DurableRuntime`).
        case none
        /// The SQLite file at this path (created if missing), opened with these options.
        case file(String, Store.Options = Store.Options())
        /// A store that is already open, shared by several hosts (`stepwise resume` runs one per clock).
        case store(Store)
    }

    /// The local integrations Tasks may use besides registered handlers and the local services: a resources file,
    /// the HTTP Task and mock config test cases (`LocalIntegrations`).
    package enum Integrations: Sendable {
        /// None (the library's default, and the benchmarks').
        case none
        /// As `stepwise run` and `resume`: the resources file, the HTTP Task, and the states that one test case of
        /// the mock config file mocks for the state machine `stateMachineName` (a file and a test case, or neither).
        case command(resources: String?, mockConfig: String? = nil, testCase: String? = nil, stateMachineName: String = "")
        /// As `stepwise serve`: the resources file, the HTTP Task, and a test case chosen per execution
        /// (`stateMachineArn#TestCaseName`); a Task nothing can run is explained with what a server offers.
        case server(resources: String?, mockConfig: String?)
    }

    /// The clock executions run on.
    package var clock: ClockKind
    /// The region and account of the ARNs.
    package var region: String
    package var account: String
    package var database: Database
    /// The data directory of the local AWS services (S3, DynamoDB, RDS Data API, the catalogue); nil installs none.
    package var dataDirectory: String?
    /// A settings file (`stepwise.json`) or seed file whose seed is applied to the data directory before anything
    /// runs, where the directory lacks it (docs/seeding.md); nil seeds nothing.
    package var seedFile: String?
    package var integrations: Integrations
    /// The program's own additions (task handlers, resolvers), made after the local services and before the
    /// local integrations.
    package var configureRuntime: @Sendable (Runtime) -> Void
    /// How often a durable runtime retries the store after a failed write; nil leaves that to the next process.
    package var resumeInterval: Duration?
    /// Told when a durable runtime's recording stops or resumes, and of executions it cannot resume.
    package var onNotice: @Sendable (RecordingNotice) -> Void

    package init(
        clock: ClockKind = .real, region: String = "us-east-1", account: String = "123456789012", database: Database = .none,
        dataDirectory: String? = nil, seedFile: String? = nil, integrations: Integrations = .none,
        configureRuntime: @escaping @Sendable (Runtime) -> Void = { _ in },
        resumeInterval: Duration? = .seconds(1), onNotice: @escaping @Sendable (RecordingNotice) -> Void = { _ in }
    ) {
        self.clock = clock
        self.region = region
        self.account = account
        self.database = database
        self.dataDirectory = dataDirectory
        self.seedFile = seedFile
        self.integrations = integrations
        self.configureRuntime = configureRuntime
        self.resumeInterval = resumeInterval
        self.onNotice = onNotice
    }
}

extension HostOptions.Integrations {
    /// Adds the integrations to `runtime`; answers the registry that binds executions to test cases (`server`
    /// with a mock config file only). - Throws: an unreadable or invalid file, a test case that is missing or unknown.
    func install(on runtime: Runtime) throws(ConfigFileError) -> TestCaseRegistry? {
        switch self {
        case .none:
            return nil
        case .command(let resources, let mockConfig, let testCase, let stateMachineName):
            try LocalIntegrations.configure(
                runtime, mockConfig: mockConfig, testCase: testCase, stateMachineName: stateMachineName, resources: resources)
            return nil
        case .server(let resources, let mockConfig):
            return try LocalIntegrations.configureServer(runtime, mockConfig: mockConfig, resources: resources)
        }
    }
}
