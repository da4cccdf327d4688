import CSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a process with posix_spawn: stdio from files, its own process group, a clean signal state (the
/// threads of a Swift program block signals, and a child would inherit that mask and ignore SIGTERM), run in
/// `directory`.
package enum Spawn {
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    static func start(_ arguments: [String], directory: String, files: CommandFiles, environment: [String: String] = [:]) throws -> pid_t {
        let stdin = open(files.stdinPath, O_RDONLY | O_CLOEXEC)
        let stdout = open(files.stdoutPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let stderr = open(files.stderrPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { for fd in [stdin, stdout, stderr] where fd >= 0 { close(fd) } }
        guard stdin >= 0, stdout >= 0, stderr >= 0 else { throw Failure(description: "cannot open the command's stdio files") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        cleanSignals(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The shell moves to the folder and replaces itself with the command (same pid, same group).
        let words = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + arguments
        let argv = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result: Int32
        if environment.isEmpty {
            result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        } else {
            let merged = ProcessInfo.processInfo.environment.merging(environment) { _, override in override }
            let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for pointer in envp { free(pointer) } }
            result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        }
        guard result == 0 else { throw Failure(description: "cannot start '\(arguments[0])': \(String(cString: strerror(result)))") }
        return pid
    }

    /// The command gets stdin, stdout and stderr only. Any other descriptor it inherited would outlive a killed
    /// `stepwise` in the command: the pipe a parent watches for its child's exit (so `waitUntilExit` would wait
    /// for the command too), or the server's listening socket (so a restarted `serve` could not bind its port).
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        csystem_spawn_closefrom(&actions, 3)
    }

    /// An empty signal mask, default dispositions, and a process group of its own.
    static func cleanSignals(_ attributes: inout posix_spawnattr_t) {
        posix_spawnattr_init(&attributes)
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    }
}
