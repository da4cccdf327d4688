/// RFC 3339 timestamps as ASL requires them (asl-reference §1.3 Wait, §3.1): `YYYY-MM-DDTHH:MM:SS`, optional
/// fractional seconds, then `Z` or `±HH:MM`; upper-case `T` and `Z` only.
enum RFC3339 {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return false }
        guard let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"), let month = number(bytes, 5, 2),
            bytes[7] == UInt8(ascii: "-"), let day = number(bytes, 8, 2), bytes[10] == UInt8(ascii: "T"),
            let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"), let minute = number(bytes, 14, 2),
            bytes[16] == UInt8(ascii: ":"), let second = number(bytes, 17, 2)
        else { return false }
        guard (1...12).contains(month), (1...daysIn(month, year)).contains(day), hour < 24, minute < 60, second < 61 else {
            return false
        }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }
        return isValidOffset(bytes[index...])
    }

    private static func isValidOffset(_ rest: ArraySlice<UInt8>) -> Bool {
        if rest.count == 1 { return rest.first == UInt8(ascii: "Z") }
        let offset = Array(rest)
        guard offset.count == 6, offset[0] == UInt8(ascii: "+") || offset[0] == UInt8(ascii: "-"),
            let hours = number(offset, 1, 2), offset[3] == UInt8(ascii: ":"), let minutes = number(offset, 4, 2)
        else { return false }
        return hours < 24 && minutes < 60
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
