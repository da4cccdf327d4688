import Foundation
import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// One `stepwise serve` process: the store, the durable engine, the job scheduler and the HTTP server.
///
/// ``start(_:log:)`` opens the database, purges executions past retention, registers the workflows directory,
/// resumes RUNNING executions and queued jobs, then listens. ``shutdown()`` stops accepting, answers the
/// requests in flight, and flushes and closes the store; running executions stay RUNNING and resume at the next
/// start.
public final class ServiceHost: Sendable {
    public let engine: Engine
    public let scheduler: JobScheduler
    public let server: HTTPServer
    /// Purges executions past retention every `retentionInterval`; nil when they are kept forever.
    let retention: Task<Void, Never>?

    init(engine: Engine, scheduler: JobScheduler, server: HTTPServer, retention: Task<Void, Never>?) {
        self.engine = engine
        self.scheduler = scheduler
        self.server = server
        self.retention = retention
    }

    /// Starts everything; `log` receives one line per notable event (registered workflows, resumed executions,
    /// purges, and executions the store failed to record).
    public static func start(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void = { _ in }) async throws -> ServiceHost {
        let workflows = try options.workflowsDirectory.map(WorkflowDirectory.init(path:))
        let store = try await Store(path: options.databasePath, options: options.storeOptions)
        let runtime = Runtime(clock: options.virtualTime ? .virtual : .real, region: options.region, account: options.account)
        options.configureRuntime(runtime)
        let testCases: TestCaseRegistry?
        do {
            testCases = try LocalIntegrations.configureServer(runtime, mockConfig: options.mockConfigPath, resources: options.resourcesPath)
        } catch {
            try? await store.close()
            throw ServeError(error.description)
        }
        let durable = DurableRuntime(store: store, runtime: runtime, resumeInterval: options.resumeInterval) { log($0.description) }
        let engine = Engine(durable: durable, testCases: testCases, activityPollTimeout: options.activityPollTimeout)
        do {
            await purge(store, days: options.retentionDays, log: log)
            for (name, text) in workflows?.definitions ?? [] {
                do {
                    if try await engine.register(name: name, definition: text) { log("registered workflow \(name)") }
                } catch let error as APIError {
                    throw ServeError("\(name)\(WorkflowDirectory.suffix): \(error.message)")
                }
            }
            let resumed = try await durable.resumeAll()
            if !resumed.isEmpty { log("resumed \(resumed.count) running execution(s)") }
            let scheduler = JobScheduler(engine: engine, settings: workflows?.jobSettings ?? [:])
            try await scheduler.recover(resumed)
            let handler = ServiceHandler(engine: engine, scheduler: scheduler)
            let server = HTTPServer(host: options.host, port: options.port, limits: options.limits) { await handler.respond(to: $0) }
            try await server.start()
            let retention =
                options.retentionDays > 0
                ? Task {
                    while (try? await Task.sleep(for: options.retentionInterval)) != nil {
                        await purge(store, days: options.retentionDays, log: log)
                    }
                } : nil
            return ServiceHost(engine: engine, scheduler: scheduler, server: server, retention: retention)
        } catch {
            try? await durable.close()
            throw error
        }
    }

    /// The port the server listens on.
    public var port: UInt16 { get async { await server.port } }

    /// Stops accepting, answers requests in flight, starts no more jobs, then flushes and closes the store.
    public func shutdown() async throws {
        retention?.cancel()
        await server.stop(gracefully: true)
        await scheduler.close()
        try await engine.durable.close()
    }

    /// Deletes the executions that stopped more than `days` days ago (none when `days` is 0); a failure is logged
    /// and the server carries on (the next purge tries again).
    static func purge(_ store: Store, days: Int, log: @Sendable (String) -> Void) async {
        guard days > 0 else { return }
        do {
            let purged = try await store.purge(olderThanDays: days, now: Date())
            if purged > 0 { log("purged \(purged) execution(s) that stopped more than \(days) days ago") }
        } catch {
            log("purging executions older than \(days) days failed: \(error)")
        }
    }
}
