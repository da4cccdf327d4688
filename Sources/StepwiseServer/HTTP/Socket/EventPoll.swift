#if canImport(Glibc)
    import Glibc
#endif

/// Level-triggered readiness notification with Linux `epoll`; each watched descriptor carries a 64-bit id.
struct EventPoll: Sendable {
    /// The epoll descriptor.
    let fd: Int32

    /// Which readiness a descriptor is watched for.
    struct Interest: OptionSet, Sendable {
        let rawValue: UInt32
        static let read = Interest(rawValue: EpollABI.readable)
        static let write = Interest(rawValue: EpollABI.writable)
    }

    /// One ready descriptor.
    struct Event {
        let id: UInt64
        let flags: UInt32
        var isReadable: Bool { flags & EpollABI.readable != 0 }
        var isWritable: Bool { flags & EpollABI.writable != 0 }
        /// An error or a hang-up in both directions: reading tells which, and the connection ends.
        var isBroken: Bool { flags & (EpollABI.error | EpollABI.hangUp) != 0 }
    }

    /// A buffer for the events of one `wait`, owned by the caller.
    struct EventBuffer {
        let bytes: UnsafeMutableRawBufferPointer
        var capacity: Int { bytes.count / EpollABI.eventSize }

        static func allocate(capacity: Int) -> EventBuffer {
            EventBuffer(bytes: .allocate(byteCount: capacity * EpollABI.eventSize, alignment: 8))
        }

        func deallocate() { bytes.deallocate() }
    }

    init() throws(SocketError) {
        fd = EpollABI.create()
        guard fd >= 0 else { throw .failed("epoll_create1") }
    }

    /// Starts watching `descriptor`.
    func add(_ descriptor: Int32, id: UInt64, interest: Interest) throws(SocketError) {
        try control(EpollABI.add, descriptor, id: id, interest: interest, call: "epoll_ctl(ADD)")
    }

    /// Changes what `descriptor` is watched for.
    func modify(_ descriptor: Int32, id: UInt64, interest: Interest) throws(SocketError) {
        try control(EpollABI.modify, descriptor, id: id, interest: interest, call: "epoll_ctl(MOD)")
    }

    /// Stops watching `descriptor` (closing it does the same).
    func remove(_ descriptor: Int32) {
        try? control(EpollABI.delete, descriptor, id: 0, interest: [], call: "epoll_ctl(DEL)")
    }

    private func control(_ op: Int32, _ descriptor: Int32, id: UInt64, interest: Interest, call: String) throws(SocketError) {
        guard EpollABI.control(fd, op, descriptor, events: interest.rawValue, id: id) == 0 else { throw .failed(call) }
    }

    /// Waits up to `timeoutMilliseconds` and returns the ready descriptors (none on EINTR or time-out).
    func wait(into buffer: EventBuffer, timeoutMilliseconds: Int32) throws(SocketError) -> [Event] {
        // The buffer holds `capacity` events, the maximum we ask the kernel for.
        let count = EpollABI.wait(fd, buffer.bytes.baseAddress, capacity: Int32(buffer.capacity), timeout: timeoutMilliseconds)
        if count < 0 {
            if errno == EINTR { return [] }
            throw .failed("epoll_wait")
        }
        return (0..<Int(count)).map { index in
            // Each event lies within the buffer: index < count <= capacity.
            let event = EpollABI.event(in: UnsafeRawPointer(buffer.bytes.baseAddress!), at: index)
            return Event(id: event.id, flags: event.events)
        }
    }

    /// Closes the epoll descriptor.
    func close() {
        _ = Glibc.close(fd)
    }
}
