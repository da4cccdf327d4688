import Foundation
import StepFunctions
import StepwiseConsole

/// Routes every request of `stepwise serve`: the web console for GET and HEAD of `/` and `/console/…`, the AWS
/// JSON API at `POST /` (and any request naming an `X-Amz-Target`), the REST jobs API everywhere else.
///
/// Every request passes the ``BrowserGuard`` first, then ``AccessControl`` (`--auth`); every answer carries a request id (`x-amzn-RequestId`, as
/// AWS's do), and every 5xx is logged with it, so a failure a client saw can be found in the server's log.
package struct ServiceHandler: Sendable {
    package let stepFunctions: StepFunctionsAPI
    package let jobs: JobsAPI
    package let console: Console
    package let browserGuard: BrowserGuard
    package let access: AccessControl
    let log: @Sendable (String) -> Void

    package init(
        service: StepFunctionsService, scheduler: JobScheduler, guard: BrowserGuard, access: AccessControl? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        stepFunctions = StepFunctionsAPI(service: service)
        jobs = JobsAPI(service: service, scheduler: scheduler)
        console = Console(service: service, scheduler: scheduler)
        browserGuard = `guard`
        self.access = access ?? AccessControl(mode: .none, region: service.region)
        self.log = log
    }

    package func respond(to request: HTTPRequest) async -> HTTPResponse {
        let id = UUID().uuidString.lowercased()
        var response = await route(request)
        response.headers.add(name: "x-amzn-RequestId", value: id)
        if response.status.code >= 500 {
            let action = request.headers["X-Amz-Target"].map { " (\($0))" } ?? ""
            let body = String(decoding: response.body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            log("request \(id): \(request.method) \(request.path)\(action) answered \(response.status.code): \(body)")
        }
        return response
    }

    private func route(_ request: HTTPRequest) async -> HTTPResponse {
        if let refusal = browserGuard.refusal(of: request) { return refusal }
        let amzTarget = request.headers.contains("X-Amz-Target")
        if let signIn = access.signIn(request) { return signIn }
        if let surface = Self.surface(of: request, amzTarget: amzTarget), case .failure(let failure) = access.check(request, surface: surface) {
            log("\(request.method) \(request.path) refused: \(failure.name)")
            return access.refusal(failure, surface: surface)
        }
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

    /// The surface `request` is for, as its route below decides; nil for the console's static assets, which hold
    /// nothing to protect.
    static func surface(of request: HTTPRequest, amzTarget: Bool) -> AccessControl.Surface? {
        if !amzTarget, Console.serves(method: request.method, path: request.path) {
            if AccessControl.isConsolePage(request.path) { return .consolePage }
            return request.path.hasPrefix("/console/api/") ? .consoleAPI : nil
        }
        return request.path == "/" || amzTarget ? .stepFunctions : .jobs
    }
}
