import CSystem

/// The epoll constants and calls, from `<sys/epoll.h>` through the CSystem shim (the toolchain's Glibc module
/// does not export epoll). The shim keeps the `epoll_event` layout, packed on x86-64, on the C side.
enum EpollABI {
    static let readable = csystem_epollin
    static let writable = csystem_epollout
    static let error = csystem_epollerr
    static let hangUp = csystem_epollhup
    static let add = csystem_epoll_ctl_add
    static let delete = csystem_epoll_ctl_del
    static let modify = csystem_epoll_ctl_mod
    static let eventSize = Int(csystem_epoll_event_size())

    static func create() -> Int32 { csystem_epoll_create() }

    static func control(_ epoll: Int32, _ op: Int32, _ descriptor: Int32, events: UInt32, id: UInt64) -> Int32 {
        csystem_epoll_ctl(epoll, op, descriptor, events, id)
    }

    /// Waits into `buffer`, which holds `capacity` events of `eventSize` bytes.
    static func wait(_ epoll: Int32, _ buffer: UnsafeMutableRawPointer?, capacity: Int32, timeout: Int32) -> Int32 {
        csystem_epoll_wait(epoll, buffer, capacity, timeout)
    }

    /// The event at `index` of a buffer filled by `wait` (index < the count it returned).
    static func event(in buffer: UnsafeRawPointer, at index: Int) -> (events: UInt32, id: UInt64) {
        (csystem_epoll_event_flags(buffer, Int32(index)), csystem_epoll_event_data(buffer, Int32(index)))
    }
}
