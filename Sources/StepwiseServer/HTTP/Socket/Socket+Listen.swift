#if canImport(Glibc)
    import Glibc
#endif

extension Socket {
    /// Creates a non-blocking TCP socket bound to `host:port` and listening; port 0 picks a free port.
    static func listening(host: String, port: UInt16, backlog: Int32 = 1024) throws(SocketError) -> Socket {
        var address = try SocketAddress(host: host, port: port)
        let flags = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = Glibc.socket(address.family, flags, 0)
        guard fd >= 0 else { throw .failed("socket") }
        let socket = Socket(fd: fd)
        do throws(SocketError) {
            try socket.setOption(level: SOL_SOCKET, name: SO_REUSEADDR, value: 1)
            try address.withSockAddr { pointer, length throws(SocketError) in
                guard bind(fd, pointer, length) == 0 else { throw SocketError.failed("bind") }
            }
            guard listen(fd, backlog) == 0 else { throw SocketError.failed("listen") }
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// The local port, read back with `getsockname` (how tests learn the port the kernel picked).
    func localPort() throws(SocketError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        // `storage` is large enough for any address family; `length` tells the kernel so.
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw .failed("getsockname") }
        return SocketAddress.port(of: storage)
    }

    /// Makes an accepted socket non-blocking and close-on-exec (`accept4` is not exported by the Glibc module).
    private func configuredForServing() throws(SocketError) -> Socket {
        guard fcntl(fd, F_SETFL, O_NONBLOCK) == 0, fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 else {
            let error = SocketError.failed("fcntl")
            close()
            throw error
        }
        return self
    }

    /// Accepts one pending connection as a non-blocking socket; nil when none is waiting.
    func accept() throws(SocketError) -> Socket? {
        while true {
            let client = Glibc.accept(fd, nil, nil)
            if client >= 0 { return try Socket(fd: client).configuredForServing() }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return nil
            default: throw .failed("accept")
            }
        }
    }
}
