import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A response as the integrations (and `stepwise deploy`) use it.
package struct HTTPReply: Sendable {
    package let status: Int
    /// Header fields in the order URLSession gives them (names as sent by the server).
    package let headers: [(name: String, value: String)]
    package let body: Data
}

/// Performs HTTP requests with URLSession (http and https); Swift task cancellation aborts the request.
package enum HTTPClient {
    static let session = URLSession(configuration: .ephemeral)

    package static func send(_ request: URLRequest) async throws -> HTTPReply {
        let holder = RequestHolder()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPReply, any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error { return continuation.resume(throwing: error) }
                    guard let response = response as? HTTPURLResponse else { return continuation.resume(throwing: URLError(.badServerResponse)) }
                    continuation.resume(returning: HTTPReply(status: response.statusCode, headers: headers(of: response), body: data ?? Data()))
                }
                holder.start(task)
            }
        } onCancel: {
            holder.cancel()
        }
    }

    static func headers(of response: HTTPURLResponse) -> [(name: String, value: String)] {
        response.allHeaderFields.compactMap { key, value in
            guard let name = key as? String, let value = value as? String else { return nil }
            return (name, value)
        }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}

/// The request in flight, so that cancellation can abort it even when it comes first.
final class RequestHolder: Sendable {
    private let state = Mutex<(task: URLSessionDataTask?, cancelled: Bool)>((nil, false))

    func start(_ task: URLSessionDataTask) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelled { task.cancel() } else { task.resume() }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}
