import Foundation
import Stepwise

/// Renders a history as a readable table: id, elapsed time, type, state, short detail.
enum HistoryTable {
    static func render(_ events: [HistoryEvent]) -> String {
        guard let start = events.first?.timestamp else { return "" }
        var lines = ["   ID  ELAPSED     TYPE                           STATE                DETAIL"]
        for event in events {
            let elapsed = String(format: "%9.3fs", event.timestamp.timeIntervalSince(start))
            let type = event.type.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
            let state = (event.stateName ?? "").padding(toLength: 20, withPad: " ", startingAt: 0)
            lines.append(String(format: "%5d", event.id) + "  \(elapsed)  \(type) \(state) \(detail(event))")
        }
        return lines.joined(separator: "\n")
    }

    static func detail(_ event: HistoryEvent) -> String {
        let text: String
        switch event.details {
        case .failure(let error, let cause): text = [error, cause].compactMap { $0 }.joined(separator: ": ")
        case .stateExited(_, let output, _), .executionSucceeded(let output): text = output.serialized()
        case .stateEntered(_, let input): text = input.serialized()
        case .taskFailure(_, _, let error, let cause): text = [error, cause].compactMap { $0 }.joined(separator: ": ")
        case .mapIteration(_, let index): text = "index \(index)"
        case .mapStarted(let length): text = "\(length) items"
        default: text = ""
        }
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
