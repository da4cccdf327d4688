import Foundation
import JSON
import Stepwise
import StepwiseStore

/// Starts jobs, holding back those over their workflow's concurrency limit.
///
/// Every job is stored first (QUEUED); a job with a free slot is then assigned an execution and started. A
/// workflow without a limit starts every job at once. Slots are counted in memory: jobs this process started
/// or resumed and that are still running. When one ends, the oldest QUEUED job of its workflow starts. Queued
/// jobs are rows in the store, so they survive a restart and start (in order) once ``recover(_:)`` runs.
public actor JobScheduler {
    let engine: Engine
    /// Maximum concurrently running jobs per workflow; absent means unlimited.
    public nonisolated let limits: [String: Int]
    private var running: [String: Int] = [:]
    private var closed = false

    public init(engine: Engine, limits: [String: Int] = [:]) {
        self.engine = engine
        self.limits = limits
    }

    /// Stores a job of `workflow` and starts it if a slot is free. A repeated id with the same workflow and input
    /// answers the existing job (`created` false); with anything else it is a 409.
    public func submit(workflow: String, id: String?, input: JSON) async throws -> (job: JobRecord, created: Bool) {
        let machine = try await engine.stateMachine(arn: engine.stateMachineArn(workflow))
        let id = id ?? UUID().uuidString.lowercased()
        guard ExecutionName.isValid(id) else { throw APIError.invalidName(id) }
        let text = input.serialized()
        do {
            try await engine.store.createJob(id: id, workflow: workflow, stateMachineArn: machine.arn, input: text, date: Date())
        } catch let error as StoreError where error.kind == .alreadyExists {
            let existing = try await engine.store.job(id: id)
            guard let existing, existing.workflow == workflow, existing.input == text else {
                throw JobsError(.conflict, "JobAlreadyExists", "Job '\(id)' already exists with another workflow or input")
            }
            return (existing, false)
        }
        await pump(workflow)
        guard let job = try await engine.store.job(id: id) else { throw JobsError.notFound(job: id) }
        return (job, true)
    }

    /// Cancels a job: a QUEUED one never starts, a running one is stopped (ABORTED). 409 once it has finished.
    public func cancel(id: String) async throws -> JobRecord {
        guard let job = try await engine.store.job(id: id) else { throw JobsError.notFound(job: id) }
        if job.status.isFinished {
            throw JobsError(.conflict, "JobFinished", "Job '\(id)' has already finished (\(job.status.rawValue))")
        }
        if job.status == .queued, try await engine.store.cancelQueuedJob(id: id, date: Date()) {
            return try await engine.store.job(id: id) ?? job
        }
        guard let arn = try await engine.store.job(id: id)?.executionArn else { throw JobsError.notFound(job: id) }
        do {
            _ = try await engine.stopExecution(arn: arn, error: nil, cause: nil)
        } catch let error as APIError where error.code == "ExecutionDoesNotExist" {
            throw JobsError(.conflict, "JobStarting", "Job '\(id)' is starting; retry the cancel")
        }
        return try await engine.store.job(id: id) ?? job
    }

    /// After a restart: counts the resumed executions that are jobs of limited workflows, starts the jobs that
    /// were given a slot but never started (PENDING), then the queued jobs that fit.
    public func recover(_ resumed: [Execution]) async throws {
        for job in try await engine.store.pendingJobs() {
            if limits[job.workflow] != nil { running[job.workflow, default: 0] += 1 }
            await launch(job, limited: limits[job.workflow] != nil)
        }
        for execution in resumed {
            guard let job = try await engine.store.job(id: execution.name), job.executionArn == execution.arn,
                limits[job.workflow] != nil
            else { continue }
            running[job.workflow, default: 0] += 1
            watch(execution.arn, workflow: job.workflow)
        }
        for workflow in try await engine.store.workflowsWithQueuedJobs() { await pump(workflow) }
    }

    /// Starts no more jobs (queued ones stay QUEUED in the store for the next start).
    public func close() { closed = true }

    /// Starts the workflow's oldest queued jobs while slots are free.
    func pump(_ workflow: String) async {
        while !closed {
            let free = limits[workflow].map { $0 - running[workflow, default: 0] } ?? 64
            guard free > 0, let next = try? await engine.store.queuedJobs(workflow: workflow, limit: free), !next.isEmpty else { return }
            var progressed = false
            for job in next { progressed = await start(job) || progressed }
            guard progressed else { return }  // the store refuses writes: try again at the next event
        }
    }

    /// Assigns a queued job its execution and starts it; a failure to start makes the job FAILED.
    /// - Returns: whether the job left the queue.
    private func start(_ job: JobRecord) async -> Bool {
        let limited = limits[job.workflow] != nil
        if limited { running[job.workflow, default: 0] += 1 }
        let arn = "arn:aws:states:\(engine.region):\(engine.account):execution:\(job.workflow):\(job.id)"
        do {
            guard try await engine.store.assignJob(id: job.id, executionArn: arn) else {
                release(job.workflow, limited)
                return true
            }
        } catch {
            release(job.workflow, limited)
            return false
        }
        return await launch(job, limited: limited)
    }

    /// Starts the execution of a job that holds a slot; a failure to start makes the job FAILED.
    /// - Returns: whether the job's state was recorded.
    @discardableResult
    private func launch(_ job: JobRecord, limited: Bool) async -> Bool {
        do {
            let execution = try await engine.startExecution(stateMachineArn: job.stateMachineArn, name: job.id, input: job.input)
            if limited { watch(execution.arn, workflow: job.workflow) }
            return true
        } catch {
            release(job.workflow, limited)
            let failure = error as? APIError ?? APIError.internalFailure
            return (try? await engine.store.failJob(id: job.id, error: failure.code, cause: failure.message)) != nil
        }
    }

    private func release(_ workflow: String, _ limited: Bool) {
        if limited { running[workflow, default: 1] -= 1 }
    }

    /// Frees the job's slot when its execution ends, and starts the next queued job.
    private nonisolated func watch(_ arn: String, workflow: String) {
        let execution = engine.durable.execution(arn: arn)
        Task {
            _ = await execution?.result
            await self.finished(workflow)
        }
    }

    private func finished(_ workflow: String) async {
        release(workflow, true)
        await pump(workflow)
    }
}
