import Foundation

/// Runs Benchmarks/peers/moto_transitions.py (moto's Step Functions interpreter) and reads its figures.
///
/// moto is about three orders of magnitude slower, so it runs small instances (loop N = 50, a 200-state chain)
/// and the comparison is in transitions per second.
enum MotoPeer {
    struct Figure: Decodable {
        var name: String
        var transitions: Int
        var seconds: Double
        var perSecond: Double

        enum CodingKeys: String, CodingKey {
            case name
            case transitions
            case seconds
            case perSecond = "per_second"
        }
    }

    struct Report {
        var version: String
        var figures: [String: Figure]
    }

    static let repeats = 3

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers/moto_transitions.py")
    }

    static func run() throws -> Report {
        let version = (try? python(["-c", "import moto; print(moto.__version__)"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        let output = try python([script.path, "--loop", "50", "--chain", "200", "--repeat", "\(repeats)"])
        var figures: [String: Figure] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("{") {
            let figure = try JSONDecoder().decode(Figure.self, from: Data(line.utf8))
            figures[figure.name] = figure
        }
        // The peer's chain stands for both chains: moto cannot run the loop-sized parameter chain in reasonable time.
        if let chain = figures["chain"] { figures["param-chain"] = chain }
        return Report(version: version, figures: figures)
    }

    static func python(_ arguments: [String]) throws -> String { try command("python3", arguments) }

    /// Runs `executable` (looked up in PATH) with `arguments` and answers its standard output.
    static func command(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
