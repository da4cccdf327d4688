import Foundation
import JSON
import Stepwise
import StepwiseStore

/// Starts jobs, holding back those over their workflow's concurrency limit, and applies each workflow's other
/// ``JobSettings`` (job ids from the input, cooperative cancels, end notifications).
///
/// Every job is stored first (QUEUED); a job with a free slot is then assigned an execution and started. A
/// workflow without a limit starts every job at once. Slots are counted in memory: jobs this process started
/// or resumed and that are still running. When one ends, the oldest QUEUED job of its workflow starts. Queued
/// jobs are rows in the store, so they survive a restart and start (in order) once ``recover(_:)`` runs.
package actor JobScheduler {
    let service: StepFunctionsService
    /// The settings of each workflow that has some.
    package nonisolated let settings: [String: JobSettings]
    /// Maximum concurrently running jobs per workflow; absent means unlimited.
    package nonisolated var limits: [String: Int] { settings.compactMapValues(\.maxConcurrency) }
    private var running: [String: Int] = [:]
    private var closed = false
    /// The tasks running the workflows' schedules (``startSchedules(log:)``).
    var schedules: [Task<Void, Never>] = []
    /// Executions waiting out a cancel's grace period.
    var stopping: Set<String> = []

    package init(service: StepFunctionsService, settings: [String: JobSettings] = [:]) {
        self.service = service
        self.settings = settings
    }

    /// Stores a job of `workflow` and starts it if a slot is free. A repeated id with the same workflow and input
    /// answers the existing job (`created` false); with anything else it is a 409.
    package func submit(workflow: String, id: String?, input: JSON) async throws -> (job: JobRecord, created: Bool) {
        let machine = try await service.stateMachine(arn: service.stateMachineArn(workflow))
        let (id, input) = try Self.identify(id: id, input: input, member: settings[workflow]?.jobIdMember)
        guard ExecutionName.isValid(id) else { throw StepFunctionsError.invalidName(id) }
        let text = input.serialized()
        do {
            try await service.store.createJob(id: id, workflow: workflow, stateMachineArn: machine.arn, input: text, date: Date())
        } catch let error as StoreError where error.kind == .alreadyExists {
            let existing = try await service.store.job(id: id)
            guard let existing, existing.workflow == workflow, existing.input == text else {
                throw JobError("JobAlreadyExists", "Job '\(id)' already exists with another workflow or input")
            }
            return (existing, false)
        }
        await pump(workflow)
        guard let job = try await service.store.job(id: id) else { throw JobError.notFound(job: id) }
        return (job, true)
    }

    /// After a restart: counts the resumed executions that are jobs of limited workflows, starts the jobs that
    /// were given a slot but never started (PENDING), then the queued jobs that fit.
    package func recover(_ resumed: [Execution]) async throws {
        for job in try await service.store.pendingJobs() {
            if limits[job.workflow] != nil { running[job.workflow, default: 0] += 1 }
            await launch(job, limited: limits[job.workflow] != nil)
        }
        for execution in resumed {
            guard let job = try await service.store.job(id: execution.name), job.executionArn == execution.arn else { continue }
            let limited = limits[job.workflow] != nil
            if limited { running[job.workflow, default: 0] += 1 }
            if limited || settings[job.workflow]?.onEnd != nil { watch(execution.arn, workflow: job.workflow, limited: limited) }
        }
        for workflow in try await service.store.workflowsWithQueuedJobs() { await pump(workflow) }
    }

    /// Retries a FAILED job by redriving its execution (RedriveExecution): it carries on from the states that did
    /// not succeed, at once (not through the workflow's queue), and the job is RUNNING again. `JobNotRetryable`
    /// for a job that is not FAILED, that failed to start (nothing to redrive), or whose execution cannot be
    /// redriven (the reason as ExecutionNotRedrivable gives it). The running job holds a slot of its workflow's
    /// limit again and its end is told to the workflow's `onEnd`, as for a job that started.
    package func retry(id: String) async throws -> JobRecord {
        let job = try await self.job(id: id)
        guard job.status == .failed, let arn = job.executionArn else {
            let why = job.status == .failed ? "it never started" : "it is \(job.status.rawValue)"
            throw JobError("JobNotRetryable", "Job '\(id)' cannot be retried: \(why); only a FAILED job can be")
        }
        do {
            _ = try await service.redriveExecution(RedriveExecutionInput(executionArn: arn), anyType: true)
        } catch let error as StepFunctionsError where error.name == "ExecutionNotRedrivable" {
            throw JobError("JobNotRetryable", "Job '\(id)' cannot be retried: \(error.message)")
        }
        let limited = limits[job.workflow] != nil
        if limited { running[job.workflow, default: 0] += 1 }
        if limited || settings[job.workflow]?.onEnd != nil { watch(arn, workflow: job.workflow, limited: limited) }
        return try await service.store.job(id: id) ?? job
    }

    /// Starts no more jobs (queued ones stay QUEUED in the store for the next start) and stops the schedules.
    package func close() {
        closed = true
        for schedule in schedules { schedule.cancel() }
        schedules = []
    }

    /// Whether ``close()`` was called.
    var isClosed: Bool { closed }

    /// Starts the workflow's oldest queued jobs while slots are free.
    func pump(_ workflow: String) async {
        while !closed {
            let free = limits[workflow].map { $0 - running[workflow, default: 0] } ?? 64
            guard free > 0, let next = try? await service.store.queuedJobs(workflow: workflow, limit: free), !next.isEmpty else { return }
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
        let arn = "arn:aws:states:\(service.region):\(service.account):execution:\(job.workflow):\(job.id)"
        do {
            guard try await service.store.assignJob(id: job.id, executionArn: arn) else {
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
            let execution = try await service.startRecordedExecution(
                StartExecutionInput(stateMachineArn: job.stateMachineArn, name: job.id, input: job.input))
            if limited || settings[job.workflow]?.onEnd != nil { watch(execution.arn, workflow: job.workflow, limited: limited) }
            return true
        } catch {
            release(job.workflow, limited)
            let failure = error as? StepFunctionsError ?? StepFunctionsError.internalFailure
            return (try? await service.store.failJob(id: job.id, error: failure.name, cause: failure.message)) != nil
        }
    }

    private func release(_ workflow: String, _ limited: Bool) {
        if limited { running[workflow, default: 1] -= 1 }
    }

    /// When the job's execution ends: frees its slot and starts the next queued job, and tells the workflow's
    /// `onEnd` workflow.
    private nonisolated func watch(_ arn: String, workflow: String, limited: Bool) {
        let execution = service.durable.execution(arn: arn)
        Task {
            _ = await execution?.result
            await self.finished(workflow, arn: arn, limited: limited)
        }
    }

    private func finished(_ workflow: String, arn: String, limited: Bool) async {
        if limited {
            release(workflow, true)
            await pump(workflow)
        }
        if let onEnd = settings[workflow]?.onEnd { await notify(onEnd, ended: arn) }
    }
}

extension JobScheduler {
    /// The job id and input of a submitted job: without a `jobIdMember`, the given id or a new UUID; with one, the
    /// id and the input's member agree — the given id, else the member, else a new UUID, written into the input
    /// when it was missing. - Throws: `InvalidInput` when they differ or the input is not an object.
    static func identify(id: String?, input: JSON, member: String?) throws(JobError) -> (id: String, input: JSON) {
        guard let member else { return (id ?? UUID().uuidString.lowercased(), input) }
        guard case .object(var object) = input else {
            throw JobError.invalidInput("The input must be an object: its '\(member)' names the job")
        }
        let named = object[member]
        if let named, named.stringValue == nil { throw JobError.invalidInput("The input's '\(member)' must be a string") }
        if let id, let inputId = named?.stringValue, id != inputId {
            throw JobError.invalidInput("The job id '\(id)' and the input's \(member) '\(inputId)' differ")
        }
        let jobId = id ?? named?.stringValue ?? UUID().uuidString.lowercased()
        if named == nil { object[member] = .string(jobId) }
        return (jobId, .object(object))
    }
}
