import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The server's epoll loop: one dedicated thread accepts, reads, parses, writes and enforces time-outs
/// for every connection; complete requests go to the async handler in Swift tasks.
///
/// `@unchecked Sendable` invariant: every `var` below is read and written only on the loop thread
/// (inside `run()` and what it calls). Other threads reach the loop only through `inbox` (Mutex + eventfd),
/// `stopping` (Atomic) and `finished` (Mutex); the `let`s are immutable after `init`.
final class EventLoop: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    static let listenerID: UInt64 = 0
    static let wakeupID: UInt64 = 1

    let listener: Socket
    let poll: EventPoll
    let inbox: LoopInbox
    let limits: HTTPLimits
    let handler: Handler
    /// Set once a stop was requested; handler tasks read it to add `Connection: close`.
    let stopping = Atomic<Bool>(false)
    let finished = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    var connections: [UInt64: Connection] = [:]
    var nextID: UInt64 = 2
    var listening = true
    var stopDeadline: ContinuousClock.Instant?
    var acceptPausedUntil: ContinuousClock.Instant?
    /// Scratch space for `recv`, allocated once; only the loop thread uses it, freed in `deinit`.
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    /// Room for the events of one `epoll_wait`, allocated once; only the loop thread uses it, freed in `deinit`.
    let eventBuffer = EventPoll.EventBuffer.allocate(capacity: 256)

    /// Takes ownership of `listener`: the loop closes it when it stops.
    init(listener: Socket, limits: HTTPLimits, handler: @escaping Handler) throws(SocketError) {
        self.listener = listener
        self.limits = limits
        self.handler = handler
        poll = try EventPoll()
        do {
            inbox = try LoopInbox()
            try poll.add(listener.fd, id: Self.listenerID, interest: .read)
            try poll.add(inbox.wakeup.fd, id: Self.wakeupID, interest: .read)
        } catch {
            poll.close()
            throw error
        }
    }

    deinit {
        readBuffer.deallocate()
        eventBuffer.deallocate()
    }

    /// Starts the loop on its own thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "stepwise-http"
        thread.start()
    }

    /// The loop: wait for readiness, handle it, check deadlines; exits once stopped and drained.
    private func run() {
        let tick = limits.tick
        var nextSweep = ContinuousClock.now + tick
        let timeout = Int32(tick.components.seconds * 1000 + tick.components.attoseconds / 1_000_000_000_000_000)
        while !isDone() {
            do {
                for event in try poll.wait(into: eventBuffer, timeoutMilliseconds: timeout) { handle(event) }
            } catch {
                break
            }
            let now = ContinuousClock.now
            if now >= nextSweep {
                sweep(now: now)
                nextSweep = now + tick
            }
        }
        shutDown()
    }

    private func handle(_ event: EventPoll.Event) {
        switch event.id {
        case Self.listenerID: acceptConnections()
        case Self.wakeupID: inbox.drain().forEach(receive)
        default:
            guard let connection = connections[event.id] else { return }
            connectionEvent(event, connection)
        }
    }

    private func receive(_ message: LoopInbox.Message) {
        switch message {
        case .response(let id, let bytes, let close):
            guard let connection = connections[id], connection.phase == .handling else { return }
            respond(connection, bytes: bytes, close: close)
        case .stop(let graceful):
            beginStop(graceful: graceful)
        }
    }
}
