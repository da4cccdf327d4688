/// A file the console serves as it is: its type and bytes, compiled into the binary (no files to install, no
/// CDN: the console works offline).
struct Asset: Sendable {
    let contentType: String
    let bytes: [UInt8]

    init(_ contentType: String, _ text: String) {
        self.contentType = contentType
        bytes = Array(text.utf8)
    }

    /// Revalidated at every load (`no-cache`), so a new build's console is seen at once.
    var response: ConsoleResponse { ConsoleResponse(contentType: contentType, cacheControl: "no-cache", body: bytes) }
}

/// The console's HTML, stylesheet, script and icon. The script is plain JavaScript in several parts, served as one
/// file: no inline script anywhere, so the Content-Security-Policy can forbid it.
enum Assets {
    static let script = [coreScript, viewScript, listScripts, stateMachineScript, executionScript, eventScript, startScript].joined(separator: "\n")

    static let byPath: [String: Asset] = [
        "/": Asset("text/html; charset=utf-8", page),
        "/console/app.css": Asset("text/css; charset=utf-8", stylesheet),
        "/console/app.js": Asset("text/javascript; charset=utf-8", script),
        "/console/favicon.svg": Asset("image/svg+xml", icon),
    ]
}
