import CSystem
import Foundation
import Stepwise
import Synchronization

/// Live progress of a run on a terminal, redrawn in place on stderr five times a second: a ``ProgressBoard`` fed
/// by the execution's events and, at each redraw, by its Map Runs and retries in progress; at the end, the
/// board's summary line stays. Only used when stderr is a terminal, so pipes and tests see nothing of it.
final class Progress: Sendable {
    private let board: Mutex<ProgressBoard>
    /// How many lines the last frame drew (the cursor is on the last of them).
    private let drawn = Mutex(0)

    init(machine: StateMachine, execution: Execution) {
        board = Mutex(ProgressBoard(machine: machine, startDate: execution.startDate))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Follows the execution's events until it ends, then leaves the summary line.
    func follow(_ execution: Execution) async {
        let ticker = Task {
            while !Task.isCancelled {
                let (mapRuns, retries) = (await execution.mapRuns, await execution.retries)
                board.withLock { board in
                    board.mapRuns = mapRuns
                    board.retries = retries
                }
                draw()
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
        for await event in execution.events { board.withLock { $0.apply(event) } }
        ticker.cancel()
        await ticker.value
        let mapRuns = await execution.mapRuns
        let result = await execution.result
        let summary = board.withLock { board in
            board.mapRuns = mapRuns
            return board.summary(result)
        }
        write(clear() + summary + "\n")
    }

    private func draw() {
        let columns = Int(csystem_terminal_columns(STDERR_FILENO))
        let lines = board.withLock { $0.lines(now: Date(), width: columns > 0 ? columns : 80) }
        let erase = clear()
        drawn.withLock { $0 = lines.count }
        write(erase + lines.joined(separator: "\n"))
    }

    /// Moves to the first line of the last frame and erases it and everything below.
    private func clear() -> String {
        let lines = drawn.withLock { count in
            defer { count = 0 }
            return count
        }
        return "\r" + (lines > 1 ? "\u{1B}[\(lines - 1)A" : "") + "\u{1B}[J"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
