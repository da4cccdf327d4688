import Synchronization

/// Messages from other threads to the event loop: a `Mutex`-guarded queue plus an eventfd to wake it.
final class LoopInbox: Sendable {
    /// A message for the loop.
    enum Message: Sendable {
        /// A handler finished: the serialized response and whether to close afterwards.
        case response(connection: UInt64, bytes: [UInt8], close: Bool)
        /// `HTTPServer.stop(gracefully:)` was called.
        case stop(graceful: Bool)
    }

    private struct State {
        var messages: [Message] = []
        /// The eventfd was signalled and the loop has not drained since: no need to signal again.
        var signalled = false
        /// The loop is gone; messages are dropped.
        var closed = false
    }

    private let state = Mutex(State())
    let wakeup: Wakeup

    init() throws(SocketError) {
        wakeup = try Wakeup()
    }

    /// Queues `message` and wakes the loop if it is not already awake for earlier ones.
    func post(_ message: Message) {
        let signal = state.withLock { state in
            guard !state.closed else { return false }
            state.messages.append(message)
            defer { state.signalled = true }
            return !state.signalled
        }
        if signal { wakeup.signal() }
    }

    /// Takes every queued message; called by the loop when the eventfd is readable.
    func drain() -> [Message] {
        wakeup.drain()
        return state.withLock { state in
            state.signalled = false
            defer { state.messages.removeAll() }
            return state.messages
        }
    }

    /// Drops all further messages (the loop has exited).
    func close() {
        state.withLock { $0.closed = true }
    }
}
