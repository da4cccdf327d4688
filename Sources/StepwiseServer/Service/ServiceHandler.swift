import StepFunctions

/// Routes every request of `stepwise serve`: the AWS JSON API at `POST /` (and any request naming an
/// `X-Amz-Target`), the REST jobs API everywhere else.
package struct ServiceHandler: Sendable {
    package let stepFunctions: StepFunctionsAPI
    package let jobs: JobsAPI

    package init(service: StepFunctionsService, scheduler: JobScheduler) {
        stepFunctions = StepFunctionsAPI(service: service)
        jobs = JobsAPI(service: service, scheduler: scheduler)
    }

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path == "/" || request.headers.contains("X-Amz-Target") {
            guard request.method == "POST" else { return HTTPError(.methodNotAllowed, headers: ["Allow": "POST"]).httpResponse }
            return await stepFunctions.respond(to: request)
        }
        return await jobs.respond(to: request)
    }
}
