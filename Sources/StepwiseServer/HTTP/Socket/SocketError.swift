#if canImport(Glibc)
    import Glibc
#endif

/// A system call on a socket failed: names the call and carries `errno`.
package struct SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failing call, e.g. `"bind"`.
    package let call: String
    /// The `errno` value the call left behind.
    package let code: Int32

    package init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    /// Captures the current thread's `errno` for `call`; use straight after the failing call.
    static func failed(_ call: String) -> SocketError {
        SocketError(call: call, code: errno)
    }

    package var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
