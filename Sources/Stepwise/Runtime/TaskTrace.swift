import JSON
import Synchronization

/// What an integration's call sent and received, as TestState's TRACE inspection level shows it for an HTTP
/// Task: `request` `{protocol, method, url, headers, body}` and `response` `{protocol, statusCode, statusMessage,
/// headers, body}`, every member a string. Handed to the handler in ``TaskContext/trace``; integrations that
/// make no HTTP call leave it empty.
package final class TaskTrace: Sendable {
    private let exchange = Mutex<(request: JSON?, response: JSON?)>((nil, nil))

    package init() {}

    package func record(request: JSON) { exchange.withLock { $0.request = request } }
    package func record(response: JSON) { exchange.withLock { $0.response = response } }

    package var request: JSON? { exchange.withLock { $0.request } }
    package var response: JSON? { exchange.withLock { $0.response } }
}
