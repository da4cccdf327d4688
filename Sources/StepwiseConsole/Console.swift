import StepFunctions

/// The web console of `stepwise serve`: its pages (one HTML document, a stylesheet and a script, embedded in the
/// binary) and the JSON endpoints the script polls, under `/console/`.
///
/// The console reads through the Step Functions service and the job scheduler, as the APIs do, never the store
/// behind them; its pages act (Stop, Cancel) through the APIs themselves. It answers GET and HEAD only: the
/// server routes `/` and every path under `/console/` here for those methods (docs/console.md).
package struct Console: Sendable {
    let service: StepFunctionsService
    let scheduler: JobScheduler
    let pictures: PictureCache
    let traces: TraceCache

    package init(service: StepFunctionsService, scheduler: JobScheduler) {
        self.service = service
        self.scheduler = scheduler
        pictures = PictureCache()
        traces = TraceCache()
    }

    /// Whether the console answers `method` on `path`: GET or HEAD of `/` or of anything under `/console/`.
    package static func serves(method: String, path: String) -> Bool {
        (method == "GET" || method == "HEAD") && (path == "/" || path.hasPrefix(prefix))
    }

    static let prefix = "/console/"

    typealias Endpoint = @Sendable (Console, ConsoleRequest) async throws -> ConsoleResponse

    /// The JSON endpoints, by path.
    static let endpoints: [String: Endpoint] = [
        "/console/api/state-machines": { try await $0.stateMachines($1) },
        "/console/api/state-machine": { try await $0.stateMachine($1) },
        "/console/api/executions": { try await $0.executions($1) },
        "/console/api/execution": { try await $0.execution($1) },
        "/console/api/execution/graph": { try await $0.executionGraph($1) },
        "/console/api/execution/events": { try await $0.events($1) },
        "/console/api/execution/state": { try await $0.stateDetails($1) },
        "/console/api/jobs": { try await $0.jobs($1) },
    ]

    /// Answers one request: an asset, an endpoint's JSON, or a 404.
    package func respond(to request: ConsoleRequest) async -> ConsoleResponse {
        if let asset = Assets.byPath[request.path] { return asset.response }
        guard let endpoint = Self.endpoints[request.path] else { return ConsoleError.notFound.response }
        do {
            return try await endpoint(self, request)
        } catch {
            return ConsoleError.from(error).response
        }
    }
}
