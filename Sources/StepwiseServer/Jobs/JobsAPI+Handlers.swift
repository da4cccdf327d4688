import Foundation
import JSON
import StepFunctions
import StepwiseStore

extension JobsAPI {
    /// `POST /{workflow}/jobs`: 201 with a new job, 200 with the existing one for a repeated `name` and input.
    func submit(_ workflow: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        let (name, input) = try Self.submission(request)
        let (job, created) = try await scheduler.submit(workflow: workflow, id: name, input: input)
        return .json(Self.json(job), status: created ? .created : .ok, headers: ["Location": "/jobs/\(job.id)"])
    }

    /// `GET /jobs?workflow=&status=&maxResults=&nextToken=`: jobs newest first.
    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        var status: JobRecord.Status?
        if let text = request.queryValue("status") {
            guard let value = JobRecord.Status(rawValue: text.uppercased()) else {
                throw JobsError.badRequest("status must be one of \(JobRecord.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            status = value
        }
        let maxResults = try Self.maxResults(request)
        let page = try await scheduler.listJobs(
            workflow: request.queryValue("workflow"), status: status,
            page: PageRequest(maxResults: maxResults, nextToken: request.queryValue("nextToken")))
        return .json(Self.page("jobs", page.items.map(Self.json), page.nextToken))
    }

    /// `GET /jobs/{id}`.
    func show(_ id: String) async throws -> HTTPResponse {
        .json(Self.json(try await scheduler.job(id: id)))
    }

    /// `GET /jobs/{id}/history?maxResults=&nextToken=&reverseOrder=`: the execution's events (none while QUEUED).
    func history(_ id: String, _ request: HTTPRequest) async throws -> HTTPResponse {
        let job = try await scheduler.job(id: id)
        guard let arn = job.executionArn, job.status != .pending else { return .json(Self.page("events", [], nil)) }
        let page = try await service.getExecutionHistory(
            GetExecutionHistoryInput(
                executionArn: arn, reverseOrder: request.queryValue("reverseOrder") == "true",
                page: PageRequest(maxResults: try Self.maxResults(request), nextToken: request.queryValue("nextToken"))))
        return .json(Self.page("events", page.items.map { $0.json() }, page.nextToken))
    }

    /// `POST /jobs/{id}/cancel`: 200 with the cancelled job; 202 with the running job when its workflow was asked to
    /// stop (a `cancel` setting); 409 when it had already finished.
    func cancel(_ id: String) async throws -> HTTPResponse {
        let (job, accepted) = try await scheduler.cancel(id: id)
        return .json(Self.json(job), status: accepted ? .accepted : .ok)
    }

    /// `POST /jobs/{id}/retry`: 200 with the job RUNNING again, its execution redriven from the states that did not
    /// succeed; 409 (`JobNotRetryable`) unless the job is FAILED and its execution can be redriven.
    func retry(_ id: String) async throws -> HTTPResponse {
        .json(Self.json(try await scheduler.retry(id: id)))
    }

    /// `GET /health`: 200 when the store answers and records every write, else 503.
    ///
    /// A write failure (a full disk) shows as `lastFailure` until a write succeeds again; the executions it
    /// stopped are listed in `unrecordedExecutions` until they resume from their last recorded step.
    func health() async -> HTTPResponse {
        let migrations = try? await service.store.appliedMigrations()
        let unrecorded = service.durable.unrecordedExecutions
        let damage = service.store.damage.map { StoreError(.damaged, $0) }
        let writeFailure = await service.store.writeFailure
        let failure = damage ?? writeFailure ?? unrecorded.sorted { $0.key < $1.key }.first?.value
        let healthy = migrations != nil && failure == nil
        let store: JSON = [
            "status": healthy ? "ok" : "failing", "path": .string(service.store.path),
            "migrations": .array((migrations ?? []).map(JSON.string)),
            "lastFailure": failure.map { .string($0.kind.rawValue) } ?? .null,
            "failureMessage": failure.map { .string($0.message) } ?? .null,
            "unrecordedExecutions": .array(unrecorded.keys.sorted().map(JSON.string)),
        ]
        let clock: JSON = service.runtime.clock == .virtual ? "virtual" : "real"
        let engineStatus: JSON = ["status": "ok", "clock": clock, "region": .string(service.region), "account": .string(service.account)]
        return .json(
            ["status": healthy ? "ok" : "failing", "store": store, "engine": engineStatus],
            status: healthy ? .ok : .serviceUnavailable)
    }
}
