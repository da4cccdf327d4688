import StepFunctions
import StepwiseConsole

/// Routes every request of `stepwise serve`: the web console for GET and HEAD of `/` and `/console/…`, the AWS
/// JSON API at `POST /` (and any request naming an `X-Amz-Target`), the REST jobs API everywhere else.
package struct ServiceHandler: Sendable {
    package let stepFunctions: StepFunctionsAPI
    package let jobs: JobsAPI
    package let console: Console

    package init(service: StepFunctionsService, scheduler: JobScheduler) {
        stepFunctions = StepFunctionsAPI(service: service)
        jobs = JobsAPI(service: service, scheduler: scheduler)
        console = Console(service: service, scheduler: scheduler)
    }

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let amzTarget = request.headers.contains("X-Amz-Target")
        if !amzTarget, Console.serves(method: request.method, path: request.path) {
            let answer = await console.respond(to: ConsoleRequest(method: request.method, path: request.path, query: request.query))
            return HTTPResponse(
                status: HTTPStatus(answer.status), headers: HTTPHeaders(answer.headers.map { ($0.name, $0.value) }), body: answer.body)
        }
        if request.path == "/" || amzTarget {
            guard request.method == "POST" else { return HTTPError(.methodNotAllowed, headers: ["Allow": "GET, HEAD, POST"]).httpResponse }
            return await stepFunctions.respond(to: request)
        }
        return await jobs.respond(to: request)
    }
}
