import Foundation
import Stepwise
import StepwiseIntegrations
import StepwiseStore

/// One `stepwise serve` process: the store, the durable engine, the job scheduler and the HTTP server.
///
/// ``start(_:log:)`` opens the database, registers the workflows directory, resumes RUNNING executions and
/// queued jobs, then listens. ``shutdown()`` stops accepting, answers the requests in flight, and flushes and
/// closes the store; running executions stay RUNNING and resume at the next start.
public final class ServiceHost: Sendable {
    public let engine: Engine
    public let scheduler: JobScheduler
    public let server: HTTPServer

    init(engine: Engine, scheduler: JobScheduler, server: HTTPServer) {
        self.engine = engine
        self.scheduler = scheduler
        self.server = server
    }

    /// Starts everything; `log` receives one line per notable step (registered workflows, resumed executions).
    public static func start(_ options: ServeOptions, log: @Sendable (String) -> Void = { _ in }) async throws -> ServiceHost {
        let workflows = try options.workflowsDirectory.map(WorkflowDirectory.init(path:))
        let store = try await Store(path: options.databasePath)
        let runtime = Runtime(clock: options.virtualTime ? .virtual : .real, region: options.region, account: options.account)
        options.configureRuntime(runtime)
        let testCases: TestCaseRegistry?
        do {
            testCases = try LocalIntegrations.configureServer(runtime, mockConfig: options.mockConfigPath, resources: options.resourcesPath)
        } catch {
            try? await store.close()
            throw ServeError(error.description)
        }
        let durable = DurableRuntime(store: store, runtime: runtime)
        let engine = Engine(durable: durable, testCases: testCases)
        do {
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
            return ServiceHost(engine: engine, scheduler: scheduler, server: server)
        } catch {
            try? await durable.close()
            throw error
        }
    }

    /// The port the server listens on.
    public var port: UInt16 { get async { await server.port } }

    /// Stops accepting, answers requests in flight, starts no more jobs, then flushes and closes the store.
    public func shutdown() async throws {
        await server.stop(gracefully: true)
        await scheduler.close()
        try await engine.durable.close()
    }
}
