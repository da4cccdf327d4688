// Linux system calls that the toolchain's Glibc module does not export (epoll, the GNU posix_spawn extensions),
// wrapped for Swift so the packed x86-64 `struct epoll_event` layout stays on the C side.
#include <stdint.h>
#include <stddef.h>
#include <spawn.h>
#include <sys/epoll.h>

// glibc 2.34+. Declared here because the Glibc module is built without _GNU_SOURCE, which hides it.
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

/// Makes a spawned process close every descriptor from `from` on (the ones it did not get on purpose).
static inline int csystem_spawn_closefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

static inline int csystem_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static inline int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

static inline size_t csystem_epoll_event_size(void) { return sizeof(struct epoll_event); }

static inline int csystem_epoll_wait(int epfd, void *events, int capacity, int timeout) {
    return epoll_wait(epfd, (struct epoll_event *)events, capacity, timeout);
}

static inline uint32_t csystem_epoll_event_flags(const void *events, int index) {
    return ((const struct epoll_event *)events)[index].events;
}

static inline uint64_t csystem_epoll_event_data(const void *events, int index) {
    return ((const struct epoll_event *)events)[index].data.u64;
}

static const uint32_t csystem_epollin = EPOLLIN;
static const uint32_t csystem_epollout = EPOLLOUT;
static const uint32_t csystem_epollerr = EPOLLERR;
static const uint32_t csystem_epollhup = EPOLLHUP;
static const int csystem_epoll_ctl_add = EPOLL_CTL_ADD;
static const int csystem_epoll_ctl_del = EPOLL_CTL_DEL;
static const int csystem_epoll_ctl_mod = EPOLL_CTL_MOD;

#include <sys/ioctl.h>

/// The width of the terminal on `fd` in columns; 0 when `fd` is not a terminal or does not say.
static inline int csystem_terminal_columns(int fd) {
    struct winsize size;
    return ioctl(fd, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Lowers the calling thread's scheduling priority to `nice` (Linux keeps a nice value per thread); the result of
/// setpriority(2).
static inline int csystem_lower_thread_priority(int nice) {
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), nice);
}
