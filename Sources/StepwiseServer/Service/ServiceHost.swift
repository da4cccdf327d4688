import Foundation
import StepFunctions
import Stepwise
import StepwiseHost
import StepwiseIntegrations
import StepwiseServices
import StepwiseStore

/// One `stepwise serve` process: the store, the durable runtime and the Step Functions service over it, the job
/// scheduler and the HTTP server.
///
/// ``start(_:log:)`` opens the database, purges executions past retention, registers the workflows directory,
/// resumes RUNNING executions and queued jobs, starts the workflows' schedules, then listens. ``shutdown()`` stops accepting, answers the
/// requests in flight, and flushes and closes the store; running executions stay RUNNING and resume at the next
/// start.
package final class ServiceHost: Sendable {
    package let stepFunctions: StepFunctionsService
    package let scheduler: JobScheduler
    package let server: HTTPServer
    /// Purges executions past retention every `retentionInterval`; nil when they are kept forever.
    let retention: Task<Void, Never>?

    init(stepFunctions: StepFunctionsService, scheduler: JobScheduler, server: HTTPServer, retention: Task<Void, Never>?) {
        self.stepFunctions = stepFunctions
        self.scheduler = scheduler
        self.server = server
        self.retention = retention
    }

    /// Starts everything; `log` receives one line per notable event (registered workflows, resumed executions,
    /// purges, and executions the store failed to record).
    package static func start(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void = { _ in }) async throws -> ServiceHost {
        let workflows = try options.workflowsDirectory.map(WorkflowDirectory.init(path:))
        let host: RuntimeHost
        do {
            host = try await RuntimeHost(options.hostOptions(log: log))
        } catch let error as ConfigFileError {
            throw ServeError(error.description)
        } catch let error as SeedError {
            throw ServeError(error.message)
        }
        for line in host.seeding?.notice(dataDirectory: options.dataDirectory ?? "", seedFile: options.seedFile ?? "") ?? [] { log(line) }
        let durable = host.durableRuntime
        let store = durable.store
        let service = StepFunctionsService(
            durable: durable, testCases: host.testCases, activityPollTimeout: options.activityPollTimeout, routingSeed: options.routingSeed)
        do {
            await purge(store, days: options.retentionDays, log: log)
            for (name, text) in workflows?.definitions ?? [] {
                do {
                    if try await service.register(name: name, definition: text) { log("registered workflow \(name)") }
                } catch let error as StepFunctionsError {
                    throw ServeError("\(name)\(WorkflowDirectory.suffix): \(error.message)")
                }
            }
            let resumed = try await durable.resumeAll()
            if !resumed.isEmpty { log("resumed \(resumed.count) running execution(s)") }
            let scheduler = JobScheduler(service: service, settings: workflows?.jobSettings ?? [:])
            try await scheduler.recover(resumed)
            await scheduler.startSchedules(log: log)
            let handler = ServiceHandler(
                service: service, scheduler: scheduler, guard: BrowserGuard(listeningOn: options.host), access: options.access, log: log)
            let server = HTTPServer(host: options.host, port: options.port, limits: options.limits) { await handler.respond(to: $0) }
            try await server.start()
            let retention =
                options.retentionDays > 0
                ? Task {
                    while (try? await Task.sleep(for: options.retentionInterval)) != nil {
                        await purge(store, days: options.retentionDays, log: log)
                    }
                } : nil
            return ServiceHost(stepFunctions: service, scheduler: scheduler, server: server, retention: retention)
        } catch {
            try? await durable.close()
            throw error
        }
    }

    /// The port the server listens on.
    package var port: UInt16 { get async { await server.port } }

    /// Stops accepting, answers requests in flight, starts no more jobs, then flushes and closes the store.
    package func shutdown() async throws {
        retention?.cancel()
        await server.stop(gracefully: true)
        await scheduler.close()
        try await stepFunctions.durable.close()
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
