import JSON
import StepFunctions

extension Console {
    /// `GET /console/api/jobs?workflow=&status=&maxResults=&nextToken=`: jobs of the REST jobs API, newest first.
    func jobs(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let page = try await scheduler.listJobs(
            workflow: request.value("workflow"), status: try request.jobStatus(),
            page: PageRequest(maxResults: try request.integer("maxResults", in: 0...1000, default: 0), nextToken: request.value("nextToken")))
        return .json(ConsoleJSON.page("jobs", page.items.map(ConsoleJSON.job), page.nextToken))
    }
}
