import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `startup`: the wall time of whole `stepwise` processes, spawned one after another — `run` of a one-state Pass
/// file in memory, the same with `--db` on a fresh database, and `--help` as the floor (start the process, print,
/// exit). With a baseline binary, each repetition runs the baseline then this build back to back, so both see
/// the same machine.
enum StartupBenchmark {
    /// The one-state definition every `run` case runs.
    static let definition = #"{"StartAt":"Pass","States":{"Pass":{"Type":"Pass","End":true}}}"#

    struct Case {
        var name: String
        /// The arguments after the program; `{db}` becomes a fresh database path per spawn.
        var arguments: [String]
    }

    static let cases = [
        Case(name: "--help (floor)", arguments: ["--help"]),
        Case(name: "run, in memory", arguments: ["run", "one.asl.json"]),
        Case(name: "run --db (fresh database)", arguments: ["run", "one.asl.json", "--db", "{db}"]),
    ]

    static func run(harness: Harness, binary: String?, baseline: String?) throws {
        // Absolute paths: the processes run in another directory.
        let binary = binary.map { URL(fileURLWithPath: $0).path } ?? defaultBinary()
        let baseline = baseline.map { URL(fileURLWithPath: $0).path }
        for path in [binary] + (baseline.map { [$0] } ?? []) where !FileManager.default.isExecutableFile(atPath: path) {
            throw BenchError("startup: no executable at \(path) (build it first: swift build -c release --product stepwise)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-startup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(definition.utf8).write(to: directory.appendingPathComponent("one.asl.json"))
        // The processes run in the temporary directory (its `.stepwise` is the default data directory of `run`).
        let previous = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory.path) else { throw BenchError("startup: cannot enter \(directory.path)") }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }

        let binaries = (baseline.map { [$0] } ?? []) + [binary]
        var spawns = 0
        var medians: [[Sample]] = []
        for test in cases {
            var samples = Array(repeating: [Sample](), count: binaries.count)
            for repetition in 0..<(harness.warmup + harness.repetitions) {
                for (index, program) in binaries.enumerated() {
                    spawns += 1
                    let arguments = test.arguments.map { $0 == "{db}" ? directory.appendingPathComponent("db-\(spawns).sqlite").path : $0 }
                    let elapsed = try spawn(program, arguments)
                    if repetition >= harness.warmup { samples[index].append(elapsed) }
                }
            }
            medians.append(samples.map { Sample(wall: Harness.median($0.map(\.wall)), cpu: Harness.median($0.map(\.cpu))) })
        }
        report(medians, binary: binary, baseline: baseline, harness: harness)
    }

    /// The `stepwise` beside this `stepwise-bench` (the same build configuration).
    static func defaultBinary() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("stepwise").path
    }

    /// Spawns `program` with `arguments` in the current directory, output to /dev/null, and returns the wall time from just
    /// before the spawn to the end of the wait, and the child's CPU time. A non-zero exit is an error: the figure
    /// would time a failure.
    static func spawn(_ program: String, _ arguments: [String]) throws -> Sample {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("startup: cannot spawn \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        // WIFEXITED && WEXITSTATUS == 0, spelled out (the C macros are not imported).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw BenchError("startup: \(([program] + arguments).joined(separator: " ")) ended with status \(status)")
        }
        let (seconds, attoseconds) = elapsed.components
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        let cpu = milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
        return Sample(wall: Double(seconds) * 1000 + Double(attoseconds) / 1e15, cpu: cpu)
    }

    /// One process: wall time from spawn to reaped, and the CPU time (user + system) it used, in ms.
    struct Sample {
        var wall: Double
        var cpu: Double
    }

    static func report(_ medians: [[Sample]], binary: String, baseline: String?, harness: Harness) {
        print(
            "startup: one `stepwise` process, spawn to exit: wall time and CPU time (user + system), ms, median of "
                + "\(harness.repetitions) after \(harness.warmup) warm-up\n  this build: \(binary)" + (baseline.map { "\n  baseline:   \($0)" } ?? "")
                + "\n")
        var table =
            baseline == nil
            ? Table("case", "wall", "cpu") : Table("case", "baseline wall", "wall", "speed-up", "baseline cpu", "cpu", "speed-up")
        for (test, figures) in zip(cases, medians) {
            let new = figures[figures.count - 1]
            if let old = figures.first, baseline != nil {
                table.add(
                    test.name, format(old.wall, decimals: 2), format(new.wall, decimals: 2), format(old.wall / new.wall, decimals: 2) + "x",
                    format(old.cpu, decimals: 2), format(new.cpu, decimals: 2), format(old.cpu / new.cpu, decimals: 2) + "x")
            } else {
                table.add(test.name, format(new.wall, decimals: 2), format(new.cpu, decimals: 2))
            }
        }
        print(table.render())
    }
}
