import Foundation

extension Timestamp {
    /// The instant as a Foundation `Date` (for the engine's timers).
    package var date: Date {
        Date(timeIntervalSince1970: Double(seconds) + Double(nanoseconds) / 1_000_000_000)
    }

    /// Parses an RFC 3339 timestamp straight to a `Date`.
    package static func date(from text: String) -> Date? { parse(text)?.date }
}
