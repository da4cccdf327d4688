import Foundation
import JSON
import StepFunctions
import StepwiseStore

/// The REST jobs API, for applications that think in jobs rather than executions:
/// `POST /{workflow}/jobs`, `GET /jobs`, `GET /jobs/{id}`, `GET /jobs/{id}/history`, `POST /jobs/{id}/cancel`
/// and `GET /health` (docs/openapi.yaml describes them; a test checks it against ``routes``).
///
/// A job is an execution of the state machine named by `{workflow}`, named by the job id. Jobs over their
/// workflow's concurrency limit wait QUEUED in the store (see ``JobScheduler``).
package struct JobsAPI: Sendable {
    let service: StepFunctionsService
    let scheduler: JobScheduler

    package init(service: StepFunctionsService, scheduler: JobScheduler) {
        self.service = service
        self.scheduler = scheduler
    }

    /// Every route, in matching order.
    static let routes: [Route] = [
        Route(method: "GET", template: "/health", handler: { api, _, _ in await api.health() }),
        Route(method: "GET", template: "/jobs", handler: { api, request, _ in try await api.list(request) }),
        Route(method: "GET", template: "/jobs/{id}", handler: { api, _, captures in try await api.show(captures["id"] ?? "") }),
        Route(
            method: "GET", template: "/jobs/{id}/history",
            handler: { api, request, captures in
                try await api.history(captures["id"] ?? "", request)
            }),
        Route(method: "POST", template: "/jobs/{id}/cancel", handler: { api, _, captures in try await api.cancel(captures["id"] ?? "") }),
        Route(
            method: "POST", template: "/{workflow}/jobs",
            handler: { api, request, captures in
                try await api.submit(captures["workflow"] ?? "", request)
            }),
    ]

    /// The method and template of every route, for documentation checks.
    package static var routeTable: [(method: String, template: String)] { routes.map { ($0.method, $0.template) } }

    /// Answers one request: the first route whose method and path fit; 405 when only the path fits, else 404.
    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let matches = Self.routes.compactMap { route in route.match(request.path).map { (route, $0) } }
        guard let (route, captures) = matches.first(where: { $0.0.method == request.method }) else {
            if matches.isEmpty { return JobsError(.notFound, "NotFound", "No route for \(request.path)").httpResponse }
            let allowed = Set(matches.map(\.0.method)).sorted().joined(separator: ", ")
            return HTTPError(.methodNotAllowed, headers: ["Allow": allowed]).httpResponse
        }
        do {
            return try await route.handler(self, request, captures)
        } catch {
            return JobsError.from(error).httpResponse
        }
    }
}
