#if canImport(Glibc)
    import Glibc
#endif

/// A non-blocking socket file descriptor: a small value type whose owner closes it exactly once.
struct Socket: Sendable, Hashable {
    /// The file descriptor.
    let fd: Int32

    /// The outcome of one `recv`.
    enum ReadResult: Equatable {
        case bytes(Int)
        case wouldBlock
        case endOfStream
    }

    /// Reads up to `buffer.count` bytes; EAGAIN is `.wouldBlock`, a zero-byte read is `.endOfStream`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SocketError) -> ReadResult {
        while true {
            // `buffer` is valid for `buffer.count` bytes for the duration of the call (caller-owned).
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: throw .failed("recv")
            }
        }
    }

    /// Writes as much of `bytes` as the kernel takes now; returns the count, 0 on EAGAIN.
    /// `MSG_NOSIGNAL` turns a write to a closed peer into EPIPE instead of a process-killing SIGPIPE.
    func write(_ bytes: UnsafeRawBufferPointer) throws(SocketError) -> Int {
        while true {
            // `bytes` is valid for `bytes.count` bytes for the duration of the call (caller-owned).
            let count = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count >= 0 { return count }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return 0
            default: throw .failed("send")
            }
        }
    }

    /// Sets an integer socket option.
    func setOption(level: Int32, name: Int32, value: Int32) throws(SocketError) {
        var value = value
        // `value` lives on this frame for the whole call, and its size is passed alongside.
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .failed("setsockopt")
        }
    }

    /// Half-closes the socket: the peer reads end-of-stream, and we can still read what it sends.
    func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes the descriptor; a socket value must not be used afterwards.
    func close() {
        _ = Glibc.close(fd)
    }
}
