import Foundation

/// The ISO 8601 basic timestamp SigV4 signs with (`20150830T123600Z`, UTC, whole seconds).
package enum AMZDate {
    /// A Gregorian calendar in UTC of our own (a `DateFormatter` would depend on locale settings).
    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    /// `date` as `yyyyMMdd'T'HHmmss'Z'` in UTC.
    package static func format(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let fields = [(parts.year, 4), (parts.month, 2), (parts.day, 2), (parts.hour, 2), (parts.minute, 2), (parts.second, 2)]
        let digits = fields.map { value, width in
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits[0...2].joined() + "T" + digits[3...5].joined() + "Z"
    }

    /// The date `text` names, or nil when it is not exactly `yyyyMMdd'T'HHmmss'Z'` with valid fields.
    package static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        // Round-tripping refuses fields out of range (month 13, 30 February, 24:00:00) instead of rolling them over.
        guard let date = calendar.date(from: components), format(date) == text else { return nil }
        return date
    }
}
