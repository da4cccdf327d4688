import Foundation
import JSON
import StepFunctions
import StepwiseStore

/// The REST jobs API, for applications that think in jobs rather than executions:
/// `POST /{workflow}/jobs`, `GET /jobs`, `GET /jobs/{id}`, `GET /jobs/{id}/history`, `POST /jobs/{id}/cancel`,
/// `POST /jobs/{id}/retry` and `GET /health` (docs/openapi.yaml describes them; a test checks it against ``routes``).
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
        Route(method: "POST", template: "/jobs/{id}/retry", handler: { api, _, captures in try await api.retry(captures["id"] ?? "") }),
        Route(
            method: "POST", template: "/{workflow}/jobs",
            handler: { api, request, captures in
                try await api.submit(captures["workflow"] ?? "", request)
            }),
    ]

    /// 415 for a body that is not declared JSON (`application/json` or `application/…+json`): a web page can send
    /// `text/plain` or a form to another site without asking first, JSON only after a preflight (BrowserGuard).
    static func refusingNonJSON(_ request: HTTPRequest) -> HTTPResponse? {
        guard !request.body.isEmpty else { return nil }
        let declared = request.headers["Content-Type"] ?? ""
        let type = declared.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard type != "application/json", !(type.hasPrefix("application/") && type.hasSuffix("+json")) else { return nil }
        let named = declared.isEmpty ? "none" : "'\(declared)'"
        return JobsError(
            .unsupportedMediaType, "UnsupportedMediaType", "The request body must be JSON (Content-Type: application/json), not \(named)"
        )
        .httpResponse
    }

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
        if let refusal = Self.refusingNonJSON(request) { return refusal }
        do {
            return try await route.handler(self, request, captures)
        } catch {
            return JobsError.from(error).httpResponse
        }
    }
}
