#if canImport(Glibc)
    import Glibc
#endif

/// A non-blocking pipe that other threads write to so that a thread blocked in `epoll_wait` wakes up.
///
/// A final class so both descriptors are closed in `deinit`, only once nobody can signal any more:
/// a signal on an already closed number could otherwise hit an unrelated, reused descriptor.
final class Wakeup: Sendable {
    /// The read end, watched for readability by the loop.
    let fd: Int32
    private let writeFD: Int32

    init() throws(SocketError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .failed("pipe") }
        (fd, writeFD) = (fds[0], fds[1])
        for descriptor in fds {
            guard fcntl(descriptor, F_SETFL, O_NONBLOCK) == 0, fcntl(descriptor, F_SETFD, FD_CLOEXEC) == 0 else {
                let error = SocketError.failed("fcntl")
                for descriptor in fds { _ = close(descriptor) }
                throw error
            }
        }
    }

    deinit {
        _ = close(fd)
        _ = close(writeFD)
    }

    /// Makes the read end readable; safe from any thread. A full pipe is already readable, so EAGAIN is fine.
    func signal() {
        var byte: UInt8 = 1
        // `byte` is a one-byte value on this frame.
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe so it is no longer readable.
    func drain() {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        // `bytes` is 32 bytes on this frame, the count passed to read.
        while withUnsafeMutableBytes(of: &bytes, { read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
