import Foundation

/// A small file system of the test's own, to fill for real: a tmpfs, else a loop-mounted ext4 image (a container
/// may refuse the one and allow the other); neither without the privilege to mount, and the test is skipped.
enum SmallDisk {
    /// How a disk could be mounted here, or why not (found once, by mounting and unmounting a scratch one).
    static let probe: Result<Kind, Refusal> = {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-disk-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let result = Result { () throws(Refusal) -> Kind in try mount(at: scratch, megabytes: 1) }
        if case .success = result { unmount(scratch) }
        return result
    }()

    static var available: Bool { (try? probe.get()) != nil }

    static var skipMessage: String {
        guard case .failure(let refusal) = probe else { return "" }
        return "the full-disk test mounts a small file system of its own, which this machine refuses: \(refusal.reason)"
    }

    enum Kind { case tmpfs, loopImage }

    struct Refusal: Error {
        var reason: String
    }

    /// Mounts a `megabytes` MiB file system at `directory` (created if missing).
    @discardableResult
    static func mount(at directory: URL, megabytes: Int) throws(Refusal) -> Kind {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tmpfs = run("/usr/bin/mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", directory.path)
        if tmpfs.status == 0 { return .tmpfs }
        let image = directory.path + ".img"
        let made = run("/usr/bin/truncate", "-s", "\(max(megabytes, 2))M", image)
        let formatted = made.status == 0 ? run("/usr/sbin/mkfs.ext4", "-q", "-F", image) : made
        let loop = formatted.status == 0 ? run("/usr/bin/mount", "-o", "loop", image, directory.path) : formatted
        guard loop.status == 0 else {
            try? FileManager.default.removeItem(atPath: image)
            throw Refusal(reason: "tmpfs: \(tmpfs.output); loop image: \(loop.output)")
        }
        return .loopImage
    }

    /// Unmounts `directory` (lazily: a file still open there does not keep it) and removes its image, if any.
    static func unmount(_ directory: URL) {
        _ = run("/usr/bin/umount", "-l", directory.path)
        try? FileManager.default.removeItem(atPath: directory.path + ".img")
    }

    private static func run(_ executable: String, _ arguments: String...) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "\(error)")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
