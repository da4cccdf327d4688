extension EventLoop {
    /// Asks the loop to stop; safe from any thread.
    func requestStop(graceful: Bool) {
        inbox.post(.stop(graceful: graceful))
    }

    /// Suspends until the loop has exited and closed every socket.
    func waitUntilFinished() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = finished.withLock { state in
                if state.done { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Whether the loop has exited.
    var isFinished: Bool { finished.withLock { $0.done } }

    /// Stops accepting and closes idle connections; the others finish their request (or not, if not graceful).
    func beginStop(graceful: Bool) {
        stopping.store(true, ordering: .relaxed)
        if listening {
            poll.remove(listener.fd)
            listener.close()
            listening = false
        }
        let now = ContinuousClock.now
        stopDeadline = min(stopDeadline ?? .now + limits.shutdownTimeout, graceful ? now + limits.shutdownTimeout : now)
        for connection in Array(connections.values) {
            if !graceful || connection.isIdle || connection.phase == .lingering {
                close(connection)
            } else {
                connection.closeAfterWrite = true
            }
        }
    }

    /// Whether the loop should exit: stopping, and either drained or out of time.
    func isDone() -> Bool {
        guard let stopDeadline else { return false }
        return connections.isEmpty || ContinuousClock.now >= stopDeadline
    }

    /// Enforces deadlines: 408 for slow heads and bodies, close for idle, stuck or lingering connections.
    func sweep(now: ContinuousClock.Instant) {
        if let paused = acceptPausedUntil, now >= paused, listening {
            acceptPausedUntil = nil
            try? poll.modify(listener.fd, id: Self.listenerID, interest: .read)
        }
        for connection in Array(connections.values) where connection.deadline <= now {
            switch connection.timeout {
            case .header, .body:
                connection.phase == .reading ? fail(connection, HTTPError(.requestTimeout)) : close(connection)
            case .idle, .write, .linger:
                close(connection)
            case .none:
                break
            }
        }
    }

    /// Closes everything the loop owns and wakes whoever waits for the stop.
    func shutDown() {
        stopping.store(true, ordering: .relaxed)
        for connection in Array(connections.values) { close(connection) }
        if listening { listener.close() }
        listening = false
        inbox.close()
        poll.close()
        let waiters = finished.withLock { state in
            state.done = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
