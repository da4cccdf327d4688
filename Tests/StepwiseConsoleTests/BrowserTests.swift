import Foundation
import StepwiseTesting
import Testing

/// What the browser tests need, and which of it this machine lacks.
enum BrowserTools {
    /// The missing tools, by name; empty when everything is there.
    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") { missing.append("chromium (apt-get install chromium)") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") {
            missing.append("chromedriver (apt-get install chromium-driver)")
        }
        if !pythonHasSelenium() { missing.append("Python's selenium (pip install selenium)") }
        return missing
    }()

    static var skipMessage: String {
        "the browser tests of the console need \(missing.joined(separator: ", ")); .ci/run installs them"
    }

    private static func pythonHasSelenium() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import selenium"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()  // a second at most, once, while the test plan is built
        return process.terminationStatus == 0
    }
}

@Suite("The console in a real browser")
struct BrowserTests {
    @Test(
        "Headless Chromium against the built stepwise serve: lists, colours, live updates, Stop, Cancel, escaping (Tests/console)",
        .enabled(if: BrowserTools.missing.isEmpty, Comment(rawValue: BrowserTools.skipMessage)), .heavy, .timeLimit(.minutes(10)))
    func browser() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let output = directory.appendingPathComponent("browser.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestSupport.packageRoot.appendingPathComponent("Tests/console/run.sh").path, try TestSupport.stepwiseBinary().path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        let status = await process.exited()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "Tests/console/run.sh exited \(status):\n\(text)")
        let summary = text.split(separator: "\n").last { $0.hasPrefix("console: ") }
        #expect(summary == "console: 9 passed, 0 failed", "\(text)")
    }
}
