#if canImport(Glibc)
    import Glibc
#endif

/// A system call on a socket failed: names the call and carries `errno`.
public struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failing call, e.g. `"bind"`.
    public let call: String
    /// The `errno` value the call left behind.
    public let code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// Captures the current thread's `errno` for `call`; use straight after the failing call.
    static func failed(_ call: String) -> SocketError {
        SocketError(call: call, code: errno)
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
