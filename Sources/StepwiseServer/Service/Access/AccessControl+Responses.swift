import Foundation
import JSON
import SigV4

extension AccessControl {
    /// The refusal of `failure` in the shape of `surface`: AWS's JSON 1.0 error for the Step Functions API,
    /// `{"error", "message"}` for the jobs API and the console's endpoints, a sign-in page for console pages.
    /// A missing or unknown bearer token is a 401 that names the `Bearer` scheme outside the Step Functions API.
    package func refusal(_ failure: SigV4Failure, surface: Surface) -> HTTPResponse {
        switch surface {
        case .stepFunctions:
            let body: JSON = ["__type": .string("com.amazon.coral.service#\(failure.name)"), "message": .string(failure.message)]
            return .json(body, status: HTTPStatus(failure.status), headers: ["x-amzn-ErrorType": failure.name], contentType: AWSJSON.contentType)
        case .jobs, .consoleAPI:
            let unauthorized = failure == .missingAuthentication || failure == .unrecognizedClient
            return .json(
                ["error": .string(failure.name), "message": .string(failure.message)],
                status: unauthorized ? .unauthorized : HTTPStatus(failure.status),
                headers: unauthorized ? ["WWW-Authenticate": "Bearer realm=\"stepwise\""] : [:])
        case .consolePage:
            return signInPage(failure == .missingAuthentication ? nil : "That token is not valid.")
        }
    }

    /// Signs a browser in: `POST /console/sign-in` with a form field `token`, or any console page with
    /// `?token=TOKEN`. A valid token sets the session cookie and redirects to the page (the token leaves the
    /// address bar); an invalid one answers the sign-in page again. Nil when `request` is not a sign-in.
    package func signIn(_ request: HTTPRequest, now: Date = Date()) -> HTTPResponse? {
        guard mode != .none else { return nil }
        let token: String
        let destination: String
        if request.method == "POST", request.path == "/console/sign-in" {
            let fields = HTTPRequest(target: "/?" + String(decoding: request.body, as: UTF8.self)).query
            token = fields.first { $0.name == "token" }?.value ?? ""
            destination = "/"
        } else if request.method == "GET", Self.isConsolePage(request.path), let value = request.queryValue("token") {
            token = value
            destination = request.path
        } else {
            return nil
        }
        guard let principal = tokens?.principal(for: token) else { return signInPage("That token is not valid.") }
        return HTTPResponse(
            status: HTTPStatus(303),
            headers: ["Location": destination, "Set-Cookie": sessions.open(for: principal, now: now), "Cache-Control": "no-store"])
    }

    /// A console page (HTML), as opposed to the console's JSON endpoints and assets.
    static func isConsolePage(_ path: String) -> Bool { path == "/" }

    /// The sign-in form, 401; `notice` says why the last attempt failed.
    func signInPage(_ notice: String?) -> HTTPResponse {
        let form =
            tokens == nil
            ? "<p>This server accepts no console sign-in: start it with <code>--tokens FILE</code> (docs/console.md).</p>"
            : """
            <form method="post" action="/console/sign-in">
            <label>Token <input type="password" name="token" autocomplete="current-password" autofocus required></label>
            <button type="submit">Sign in</button>
            </form>
            """
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Stepwise</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body>
            <h1>Stepwise</h1>
            <p>This server requires a token (<code>stepwise serve --auth</code>).</p>
            \(notice.map { "<p role=\"alert\"><strong>\($0)</strong></p>" } ?? "")
            \(form)
            </body></html>
            """
        return HTTPResponse(
            status: .unauthorized,
            headers: [
                "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "WWW-Authenticate": "Bearer realm=\"stepwise\"",
                // As the console's pages: nothing inline runs, the form posts only here, no framing, no referrer.
                "Content-Security-Policy": "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer",
            ],
            body: Array(html.utf8))
    }
}
