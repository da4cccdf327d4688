import Stepwise
import Synchronization

/// The integrations an embedding program holds: task tokens (callbacks), activities and nested executions.
///
/// ```swift
/// let integrations = CallbackIntegrations(runtime: runtime)            // in memory
/// let integrations = CallbackIntegrations(durable: durableRuntime)     // (StepwiseHost) they survive a restart
/// integrations.install()                                        // adds the resolvers to the runtime
/// try await integrations.tokens.sendTaskSuccess(token: token, output: ["ok": true])
/// ```
package final class CallbackIntegrations: Sendable {
    package let runtime: Runtime
    /// The durable storage, when there is one: nested executions need it (children are recorded executions).
    package let storage: (any IntegrationStorage)?
    package let tokens: TokenRegistry
    package let activities: ActivityCatalog
    package let broker: ActivityBroker
    private let pollTimeout: Mutex<Duration>

    /// How long GetActivityTask waits for a task before answering none: 60 s as on AWS, unless the program
    /// that configures the integrations chose a shorter wait (`stepwise serve` takes `STEPWISE_ACTIVITY_POLL_SECONDS`,
    /// for tests).
    package var activityPollTimeout: Duration {
        get { pollTimeout.withLock { $0 } }
        set { pollTimeout.withLock { $0 = newValue } }
    }

    /// AWS's wait for an empty GetActivityTask.
    package static let defaultPollTimeout: Duration = .seconds(60)

    /// In-memory integrations: callbacks and activities last as long as the process; no nested executions.
    package init(runtime: Runtime, activityPollTimeout: Duration = defaultPollTimeout) {
        self.runtime = runtime
        storage = nil
        tokens = TokenRegistry()
        activities = ActivityCatalog(storage: MemoryActivityStorage(), region: runtime.region, account: runtime.account)
        broker = ActivityBroker()
        pollTimeout = Mutex(activityPollTimeout)
    }

    /// Durable integrations: callbacks and activities in `storage`, and nested executions. (StepwiseHost's
    /// `CallbackIntegrations(durable:)` passes a durable runtime's.)
    package init(runtime: Runtime, storage: any IntegrationStorage, activityPollTimeout: Duration = defaultPollTimeout) {
        self.runtime = runtime
        self.storage = storage
        tokens = TokenRegistry(journal: DurableCallbackJournal(storage: storage))
        activities = ActivityCatalog(storage: storage, region: runtime.region, account: runtime.account)
        broker = ActivityBroker()
        pollTimeout = Mutex(activityPollTimeout)
    }

    /// Adds the resolvers to the runtime at the `.services` tier, so a mock, a resources-file entry or a
    /// registered handler for the same resource wins.
    package func install() {
        runtime.add(CallbackResolver(registry: tokens) { [weak runtime] in runtime?.handler(for: $0) }, tier: .services)
        runtime.add(ActivityResolver(catalog: activities, broker: broker, registry: tokens), tier: .services)
        if let storage { runtime.add(NestedExecutions(storage: storage), tier: .services) }
    }
}
