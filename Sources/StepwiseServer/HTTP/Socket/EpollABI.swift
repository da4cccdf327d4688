#if canImport(Glibc)
    import Glibc
#endif

/// glibc's epoll functions and constants, bound at run time.
///
/// The toolchain's `Glibc` module does not export `<sys/epoll.h>`. The clean fix is a system-library target
/// with a `shim.h` (as FlyingFox's `CSystemLinux`); until Package.swift has one, this file is the only place
/// that knows the C ABI: the Linux constants, the `epoll_event` layout, and the C function signatures.
enum EpollABI {
    typealias Create = @convention(c) (Int32) -> Int32
    typealias Control = @convention(c) (Int32, Int32, Int32, UnsafeMutableRawPointer?) -> Int32
    typealias Wait = @convention(c) (Int32, UnsafeMutableRawPointer?, Int32, Int32) -> Int32

    // C function pointers are Sendable; static lets initialise once, thread-safely.
    static let create: Create? = symbol("epoll_create1")
    static let control: Control? = symbol("epoll_ctl")
    static let wait: Wait? = symbol("epoll_wait")

    static let readable: UInt32 = 0x001  // EPOLLIN
    static let writable: UInt32 = 0x004  // EPOLLOUT
    static let error: UInt32 = 0x008  // EPOLLERR
    static let hangUp: UInt32 = 0x010  // EPOLLHUP
    static let add: Int32 = 1  // EPOLL_CTL_ADD
    static let delete: Int32 = 2  // EPOLL_CTL_DEL
    static let modify: Int32 = 3  // EPOLL_CTL_MOD
    static let closeOnExec: Int32 = 0o2_000_000  // EPOLL_CLOEXEC == O_CLOEXEC

    #if arch(x86_64)
        /// `struct epoll_event { uint32_t events; epoll_data_t data; }` is packed on x86-64: 12 bytes, data at 4.
        static let eventSize = 12
        static let dataOffset = 4
    #else
        /// Elsewhere it has natural alignment: 16 bytes, data at 8.
        static let eventSize = 16
        static let dataOffset = 8
    #endif

    /// Looks up a C function in the already loaded glibc and views it with its C signature `F`.
    private static func symbol<F>(_ name: String) -> F? {
        // dlsym with a null handle (RTLD_DEFAULT) searches the loaded objects; the cast is sound because
        // `F` is the function's C prototype as declared in <sys/epoll.h>.
        dlsym(nil, name).map { unsafeBitCast($0, to: F.self) }
    }

    /// Writes one `epoll_event` at `pointer` (unaligned stores: the x86-64 layout is packed).
    static func storeEvent(_ events: UInt32, id: UInt64, at pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: events, toByteOffset: 0, as: UInt32.self)
        pointer.storeBytes(of: id, toByteOffset: dataOffset, as: UInt64.self)
    }

    /// Reads one `epoll_event` at `pointer`.
    static func loadEvent(at pointer: UnsafeRawPointer) -> (events: UInt32, id: UInt64) {
        (pointer.loadUnaligned(fromByteOffset: 0, as: UInt32.self), pointer.loadUnaligned(fromByteOffset: dataOffset, as: UInt64.self))
    }
}
