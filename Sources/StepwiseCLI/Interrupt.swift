import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a callback for as long as it is kept, so Ctrl-C can stop an execution cleanly
/// instead of killing the process; `cancel()` restores the default handling.
final class Interrupt {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    init(signals: [Int32] = [SIGINT, SIGTERM], _ handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
