#if canImport(Glibc)
    import Glibc
#endif

/// A numeric IPv4 or IPv6 address and port, ready for `bind`.
struct SocketAddress {
    private var storage = sockaddr_storage()
    private(set) var family: Int32 = AF_INET
    private var length = socklen_t(0)

    /// Parses a numeric host (`"127.0.0.1"`, `"::1"`; `"localhost"` means 127.0.0.1).
    init(host: String, port: UInt16) throws(SocketError) {
        let host = host == "localhost" ? "127.0.0.1" : host
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            store(v4, family: AF_INET)
        } else if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            store(v6, family: AF_INET6)
        } else {
            throw SocketError(call: "inet_pton", code: EINVAL)
        }
    }

    private mutating func store<Address>(_ address: Address, family: Int32) {
        // sockaddr_storage is, by definition, large and aligned enough for every address type.
        withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: address, as: Address.self) }
        self.family = family
        length = socklen_t(MemoryLayout<Address>.size)
    }

    /// Calls `body` with the address as the `sockaddr` pointer and length that `bind` takes.
    mutating func withSockAddr<R>(
        _ body: (UnsafePointer<sockaddr>, socklen_t) throws(SocketError) -> R
    ) throws(SocketError) -> R {
        let length = length
        // The pointer is only used inside `body`, while `storage` is pinned by the inout access.
        return try withUnsafeMutablePointer(to: &storage) { pointer throws(SocketError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr throws(SocketError) in
                try body(sockaddr, length)
            }
        }
    }

    /// The port of an address filled in by the kernel.
    static func port(of storage: sockaddr_storage) -> UInt16 {
        var storage = storage
        let family = Int32(storage.ss_family)
        // The family field tells which layout the kernel wrote into the storage.
        return withUnsafeBytes(of: &storage) { raw in
            if family == AF_INET6 {
                return UInt16(bigEndian: raw.load(as: sockaddr_in6.self).sin6_port)
            }
            return UInt16(bigEndian: raw.load(as: sockaddr_in.self).sin_port)
        }
    }
}
