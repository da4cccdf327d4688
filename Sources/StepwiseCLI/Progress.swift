import Foundation
import Stepwise
import Synchronization

/// Live progress of a run on a terminal: the current state, how many states were entered, elapsed time,
/// redrawn in place on stderr five times a second (so a long Wait or Task still shows its time passing).
/// Only used when stderr is a terminal, so pipes and tests see nothing of it.
final class Progress: Sendable {
    private struct State {
        var current = "…"
        var entered = 0
    }

    private let state = Mutex(State())
    private let started = Date()

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Follows the execution's events until it ends; a ticker redraws the line meanwhile.
    func follow(_ execution: Execution) async {
        let ticker = Task {
            while !Task.isCancelled {
                draw()
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        for await event in execution.events {
            guard case .stateEntered(let name, _) = event.details else { continue }
            state.withLock { state in
                state.current = name
                state.entered += 1
            }
        }
        ticker.cancel()
        await ticker.value
        write("\r\u{1B}[2K")
    }

    private func draw() {
        let (current, entered) = state.withLock { ($0.current, $0.entered) }
        write("\r\u{1B}[2K" + Self.line(state: current, entered: entered, elapsed: Date().timeIntervalSince(started)))
    }

    /// The progress line, e.g. `▶ Wait · 3 states entered · 12.4s`.
    static func line(state: String, entered: Int, elapsed: Double) -> String {
        let tenths = Int((max(0, elapsed) * 10).rounded(.down))
        return "▶ \(state) · \(entered) state\(entered == 1 ? "" : "s") entered · \(tenths / 10).\(tenths % 10)s"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
