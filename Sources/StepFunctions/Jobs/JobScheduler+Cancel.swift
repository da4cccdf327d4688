import Foundation
import JSON
import Stepwise
import StepwiseStore

extension JobScheduler {
    /// Cancels a job: a QUEUED one never starts. A running one of a workflow with a `cancel` setting is asked to
    /// stop (its cancel workflow runs) and is stopped only if it has not ended when the grace period is over
    /// (`accepted` true: the job is still RUNNING now); any other running job is stopped at once (ABORTED).
    /// `JobFinished` once it has finished.
    package func cancel(id: String) async throws -> (job: JobRecord, accepted: Bool) {
        let job = try await self.job(id: id)
        if job.status.isFinished {
            throw JobError("JobFinished", "Job '\(id)' has already finished (\(job.status.rawValue))")
        }
        if job.status == .queued, try await service.store.cancelQueuedJob(id: id, date: Date()) {
            return (try await service.store.job(id: id) ?? job, false)
        }
        guard let arn = try await service.store.job(id: id)?.executionArn else { throw JobError.notFound(job: id) }
        if let cancel = settings[job.workflow]?.cancel, await requestCancel(job, arn: arn, cancel) {
            try await service.store.recordCancelRequest(id: id, date: Date())
            stopAfterGracePeriod(arn, cancel.gracePeriodSeconds)
            return (try await service.store.job(id: id) ?? job, true)
        }
        do {
            _ = try await service.stopExecution(StopExecutionInput(executionArn: arn))
        } catch let error as StepFunctionsError where error.name == "ExecutionDoesNotExist" {
            throw JobError("JobStarting", "Job '\(id)' is starting; retry the cancel")
        }
        return (try await service.store.job(id: id) ?? job, false)
    }

    /// Runs the workflow's cancel workflow for the job; whether it succeeded (if not, the job is stopped outright).
    func requestCancel(_ job: JobRecord, arn: String, _ cancel: JobSettings.Cancel) async -> Bool {
        let input: JSON = ["jobId": .string(job.id), "workflow": .string(job.workflow), "executionArn": .string(arn)]
        guard
            let started = try? await service.startRecordedExecution(
                StartExecutionInput(stateMachineArn: service.stateMachineArn(cancel.workflow), input: input.serialized())),
            let execution = service.durable.execution(arn: started.arn)
        else { return false }
        return await execution.result.status == .succeeded
    }

    /// Gives the job `seconds` to end on its own, then stops its execution.
    func stopAfterGracePeriod(_ arn: String, _ seconds: Double) {
        guard stopping.insert(arn).inserted else { return }
        let service = self.service
        Task {
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(seconds * 1000)))
            while ContinuousClock.now < deadline, (try? await service.execution(arn: arn).status) == .running {
                try? await Task.sleep(for: .milliseconds(min(200, max(10, Int64(seconds * 100)))))
            }
            if (try? await service.execution(arn: arn).status) == .running {
                _ = try? await service.stopExecution(
                    StopExecutionInput(
                        executionArn: arn, error: "Jobs.CancelGracePeriodElapsed",
                        cause: "The job did not end within \(seconds) s of its cancel request."))
            }
            self.stopped(arn)
        }
    }

    private func stopped(_ arn: String) { stopping.remove(arn) }
}
