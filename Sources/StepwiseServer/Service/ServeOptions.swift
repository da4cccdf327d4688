import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseStore

/// How `stepwise serve` runs: where it listens, which database and workflows, which clock and ARNs.
public struct ServeOptions: Sendable {
    public var host = "127.0.0.1"
    /// 8083 as Step Functions Local; 0 lets the kernel choose (the chosen port is logged).
    public var port: UInt16 = 8083
    public var databasePath = "stepwise.db"
    /// A directory of `NAME.asl.json` files (and an optional `stepwise.json`) registered at start.
    public var workflowsDirectory: String?
    public var virtualTime = false
    public var region = "us-east-1"
    public var account = "123456789012"
    public var limits = HTTPLimits()
    /// The data directory of the local AWS services (`--data-dir`); nil runs none.
    package var dataDirectory: String?
    /// The settings or seed file whose seed is applied to the data directory at start (`--seed`, or the workflows
    /// directory's `stepwise.json`); nil seeds nothing.
    package var seedFile: String?
    /// Adds the program's own handlers or resolvers to the runtime before anything resumes or starts.
    public var configureRuntime: @Sendable (Runtime) -> Void = { _ in }
    /// A resources file (`--resources`) for Tasks run by local commands and HTTP endpoints.
    public var resourcesPath: String?
    /// A Step Functions Local mock config file (`SFN_MOCK_CONFIG`), for `stateMachineArn#TestCaseName` starts.
    public var mockConfigPath: String?
    /// Executions that stopped more than this many days ago are purged at start and every `retentionInterval`
    /// (`--retention-days`; 90 as on AWS); 0 keeps them forever.
    public var retentionDays = 90
    public var retentionInterval: Duration = .seconds(86_400)
    /// How the database is opened (tests cap its size with `maxPageCount` to fill the disk).
    /// The store's options; serve checks an existing database page by page before using it.
    public var storeOptions = Store.Options(checkIntegrity: true)
    /// How often to retry the store after a failed write and resume the executions it stopped.
    public var resumeInterval: Duration = .seconds(1)
    /// How long GetActivityTask waits for a task before answering none (60 s as on AWS; tests shorten it).
    public var activityPollTimeout = CallbackIntegrations.defaultPollTimeout
    /// Makes the versions aliases pick for their starts repeatable (`STEPWISE_ROUTING_SEED`; tests); nil picks at
    /// random, as AWS does.
    package var routingSeed: UInt64?
    /// Who may call the server (`--auth`, `--credentials`, `--tokens`); nil lets anyone who can connect.
    package var access: AccessControl?

    public init(
        host: String = "127.0.0.1", port: UInt16 = 8083, databasePath: String = "stepwise.db",
        workflowsDirectory: String? = nil, virtualTime: Bool = false, region: String = "us-east-1",
        account: String = "123456789012"
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.workflowsDirectory = workflowsDirectory
        self.virtualTime = virtualTime
        self.region = region
        self.account = account
    }
}

extension ServeOptions {
    /// The runtime these options ask for: the store at `databasePath`, the data directory's local services and seed, the
    /// program's additions, the resources file and the mock config's per-execution test cases; `log` receives
    /// the durable runtime's notices.
    func hostOptions(log: @escaping @Sendable (String) -> Void) -> HostOptions {
        HostOptions(
            clock: virtualTime ? .virtual : .real, region: region, account: account, database: .file(databasePath, storeOptions),
            dataDirectory: dataDirectory, seedFile: seedFile, integrations: .server(resources: resourcesPath, mockConfig: mockConfigPath),
            configureRuntime: configureRuntime, resumeInterval: resumeInterval, onNotice: { log($0.description) })
    }
}
