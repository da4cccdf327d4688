import Dispatch
import Foundation

/// Waits for termination signals: their default action is replaced by dispatch sources, so a server can
/// shut down in order instead of dying.
///
/// `@unchecked Sendable`: the sources are set up in `init` and only cancelled in `deinit`; dispatch sources
/// are themselves thread-safe, they merely lack the annotation.
public final class SignalWaiter: @unchecked Sendable {
    private let stream: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    /// Starts catching `signals` (their default action is ignored from now on).
    public init(_ signals: Int32...) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// The next signal received.
    public func next() async -> Int32 {
        for await number in stream { return number }
        return SIGTERM
    }
}
