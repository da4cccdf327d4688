import StepwiseStore

/// Reading jobs: one job, a listing.
extension JobScheduler {
    /// The job with this id. - Throws: `JobNotFound`.
    package nonisolated func job(id: String) async throws -> JobRecord {
        guard let job = try await service.store.job(id: id) else { throw JobError.notFound(job: id) }
        return job
    }

    /// A page of jobs, newest first, of one workflow and/or status when given. - Throws: InvalidToken.
    package nonisolated func listJobs(workflow: String?, status: JobRecord.Status?, page: PageRequest) async throws -> Page<JobRecord> {
        try await service.storeCall {
            try await service.store.listJobs(workflow: workflow, status: status, maxResults: page.maxResults, nextToken: page.nextToken)
        }
    }
}
