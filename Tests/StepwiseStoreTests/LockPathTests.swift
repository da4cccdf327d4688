import Foundation
import StepwiseTesting
import Testing

@testable import StepwiseStore

/// The writer lock is the database file's, not its path's: every other way to name the same file is refused.
@Suite("One writer per database, whatever path reaches it", .serialized, .timeLimit(.minutes(3)))
struct LockPathTests {
    /// Opens a writer at `path`, expects a second writer at `other` to be refused as inUse with the message naming
    /// `other`, then that the second opens once the first has closed.
    func expectExclusive(_ path: String, _ other: String) async throws {
        let first = try await Store(path: path)
        await #expect { try await Store(path: other) } throws: { error in
            let error = error as? StoreError
            return error?.kind == .inUse && error?.message.hasPrefix("database \(other) is in use by another stepwise process") == true
        }
        try await first.close()
        let second = try await Store(path: other)
        try await second.close()
        let again = try await Store(path: path)
        try await again.close()
    }

    @Test("through a symbolic link, either way round")
    func symlink() async throws {
        let path = try Fixture.path()
        let link = (path as NSString).deletingLastPathComponent + "/link.db"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try await expectExclusive(path, link)
        try await expectExclusive(link, path)
    }

    @Test("through a symbolic link to the directory, made before the database exists")
    func directoryLinkBeforeCreation() async throws {
        let path = try Fixture.path()
        let directory = (path as NSString).deletingLastPathComponent
        let linked = try TestSupport.temporaryDirectory().appendingPathComponent("dir").path
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: directory)
        try await expectExclusive(path, linked + "/stepwise.db")
    }

    @Test("through a hard link")
    func hardLink() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let link = (path as NSString).deletingLastPathComponent + "/hard.db"
        try FileManager.default.linkItem(atPath: path, toPath: link)
        try await expectExclusive(path, link)
    }

    @Test("through a path with dot-dot and a doubled slash")
    func relativeSpelling() async throws {
        let path = try Fixture.path()
        let directory = (path as NSString).deletingLastPathComponent
        let name = (directory as NSString).lastPathComponent
        try await expectExclusive(path, directory + "/../" + name + "//stepwise.db")
    }

    @Test("through a bind mount of the file", .enabled(if: getuid() == 0))
    func bindMount() async throws {
        let path = try Fixture.path()
        try await Store(path: path).close()
        let mountPoint = try TestSupport.temporaryDirectory().appendingPathComponent("mounted.db").path
        _ = FileManager.default.createFile(atPath: mountPoint, contents: nil)
        guard try run("/bin/mount", ["--bind", path, mountPoint]) == 0 else {
            Issue.record("mount --bind failed: this test needs a machine that allows bind mounts")
            return
        }
        defer { _ = try? run("/bin/umount", [mountPoint]) }
        try await expectExclusive(path, mountPoint)
    }

    func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
