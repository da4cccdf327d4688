import Foundation

extension TestSupport {
    /// Makes a file (or a directory, with mode 0o555) read-only: that mode, and immutable (`chattr +i`) when
    /// running as root, who ignores modes.
    package static func makeReadOnly(_ path: String, mode: Int = 0o444) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        if geteuid() == 0 { try chattr("+i", path) }
    }

    /// Undoes ``makeReadOnly(_:mode:)`` so the temporary file can be removed.
    package static func makeWritable(_ path: String, mode: Int = 0o644) {
        if geteuid() == 0 { try? chattr("-i", path) }
        try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// Whether ``makeReadOnly(_:mode:)`` can work here: not root, or root with `chattr`.
    package static var canMakeReadOnly: Bool { geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = try Process.run(URL(fileURLWithPath: "/usr/bin/chattr"), arguments: [flag, path])
        process.waitUntilExit()  // chattr ends at once; tests call this from synchronous helpers
        guard process.terminationStatus == 0 else { throw ChattrFailed(flag: flag, path: path) }
    }
}

/// `chattr` refused (the file system has no immutable flag, say).
struct ChattrFailed: Error, CustomStringConvertible {
    package let flag: String
    package let path: String
    package var description: String { "chattr \(flag) \(path) failed" }
}
