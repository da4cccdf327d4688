import Dispatch
import Foundation
import Synchronization

/// Waits for termination signals: their default action is replaced by dispatch sources, so a server can
/// shut down in order instead of dying.
///
/// Each signal is delivered once, in order, to one `next()` call (a signal that arrives with nobody waiting is
/// kept for the next call); a cancelled `next()` answers nil. This used to be an AsyncStream whose `next()`
/// answered SIGTERM when its loop ended: cancelling a waiter (as serve does once it has shut down) made up a
/// second signal, and serve exited 1 after a single SIGTERM now and then.
///
/// `@unchecked Sendable`: the sources are set up in `init` and only cancelled in `deinit`; dispatch sources
/// are themselves thread-safe, they merely lack the annotation. The rest of the state is in a Mutex.
package final class SignalWaiter: @unchecked Sendable {
    private struct State {
        var pending: [Int32] = []
        var waiters: [(id: Int, continuation: CheckedContinuation<Int32?, Never>)] = []
        var nextId = 0
    }

    private let state = Mutex(State())
    private var sources: [any DispatchSourceSignal] = []

    /// Starts catching `signals` (their default action is ignored from now on).
    package init(_ signals: Int32...) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    private func deliver(_ number: Int32) {
        let waiter = state.withLock { state -> CheckedContinuation<Int32?, Never>? in
            guard !state.waiters.isEmpty else {
                state.pending.append(number)
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume(returning: number)
    }

    /// The next signal received; nil if the waiting task is cancelled first.
    package func next() async -> Int32? {
        let id = state.withLock { state in
            defer { state.nextId += 1 }
            return state.nextId
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let answer = state.withLock { state -> Int32?? in
                    if !state.pending.isEmpty { return .some(state.pending.removeFirst()) }
                    if Task.isCancelled { return .some(nil) }
                    state.waiters.append((id, continuation))
                    return .none
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Int32?, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(returning: nil)
        }
    }
}
