/// One client connection: its buffers, parser and where it is in the request/response cycle.
///
/// Owned by the `EventLoop` and touched only on the loop's thread, which is why it needs no lock.
final class Connection {
    /// Where the connection is in its cycle; at most one request is handled at a time, so responses
    /// to pipelined requests go out in order.
    enum Phase {
        /// Waiting for (the rest of) a request.
        case reading
        /// The handler is running for a complete request.
        case handling
        /// A response is queued and not yet fully written.
        case writing
        /// Write side shut after an error; draining the client's bytes until it closes, so it reads our response.
        case lingering
    }

    /// Which deadline is running.
    enum Timeout {
        case none, header, body, idle, write, linger
    }

    let id: UInt64
    let socket: Socket
    var input: [UInt8] = []
    var output: [UInt8] = []
    var outputSent = 0
    var parser: RequestParser
    var phase = Phase.reading
    /// The client shut its write side (we read end-of-stream).
    var readClosed = false
    /// Close once the queued output is written.
    var closeAfterWrite = false
    /// Shut the write side and drain rather than close at once (after an error, or with unread input).
    var lingerAfterWrite = false
    var timeout = Timeout.header
    var deadline: ContinuousClock.Instant
    var interest: EventPoll.Interest = .read

    init(id: UInt64, socket: Socket, limits: HTTPLimits, now: ContinuousClock.Instant) {
        self.id = id
        self.socket = socket
        self.parser = RequestParser(limits: limits)
        self.deadline = now + limits.headerTimeout
    }

    /// Bytes queued but not yet accepted by the kernel.
    var hasPendingOutput: Bool { outputSent < output.count }

    /// Starts the `timeout` deadline from `now`.
    func arm(_ timeout: Timeout, now: ContinuousClock.Instant, limits: HTTPLimits) {
        self.timeout = timeout
        switch timeout {
        case .none: deadline = now + .seconds(86_400 * 365)
        case .header: deadline = now + limits.headerTimeout
        case .body: deadline = now + limits.bodyTimeout
        case .idle: deadline = now + limits.idleTimeout
        case .write: deadline = now + limits.writeTimeout
        case .linger: deadline = now + min(limits.idleTimeout, .seconds(2))
        }
    }

    /// Whether the connection has nothing in progress: no request bytes, no handler, no output.
    var isIdle: Bool {
        phase == .reading && !parser.isReadingBody && !hasPendingOutput
    }
}
