import Foundation
import Stepwise
import Synchronization

/// Live progress of a run on a terminal: the current state, how many states were entered, elapsed time,
/// redrawn in place on stderr. Only used when stderr is a terminal, so pipes and tests see nothing of it.
final class Progress: Sendable {
    private struct State {
        var current = ""
        var entered = 0
        var lastDraw = Date.distantPast
    }

    private let state = Mutex(State())
    private let started = Date()

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Follows the execution's events until it ends, redrawing at most ten times a second.
    func follow(_ execution: Execution) async {
        for await event in execution.events {
            guard case .stateEntered(let name, _) = event.details else { continue }
            let line: String? = state.withLock { state in
                state.current = name
                state.entered += 1
                guard Date().timeIntervalSince(state.lastDraw) > 0.1 else { return nil }
                state.lastDraw = Date()
                return render(state)
            }
            if let line { write("\r\u{1B}[2K" + line) }
        }
        write("\r\u{1B}[2K")
    }

    private func render(_ state: State) -> String {
        String(format: "▶ %@ · %d states entered · %.1fs", state.current, state.entered, Date().timeIntervalSince(started))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
