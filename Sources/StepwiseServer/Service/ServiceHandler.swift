/// Routes every request of `stepwise serve`: the AWS JSON API at `POST /` (and any request naming an
/// `X-Amz-Target`), the REST jobs API everywhere else.
public struct ServiceHandler: Sendable {
    public let stepFunctions: StepFunctionsAPI
    public let jobs: JobsAPI

    public init(engine: Engine, scheduler: JobScheduler) {
        stepFunctions = StepFunctionsAPI(engine: engine)
        jobs = JobsAPI(engine: engine, scheduler: scheduler)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path == "/" || request.headers.contains("X-Amz-Target") {
            guard request.method == "POST" else { return HTTPError(.methodNotAllowed, headers: ["Allow": "POST"]).httpResponse }
            return await stepFunctions.respond(to: request)
        }
        return await jobs.respond(to: request)
    }
}
