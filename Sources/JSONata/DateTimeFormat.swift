import Foundation

/// XPath `format-dateTime` pictures for `$fromMillis` and `$now`, after jsonata-js `datetime.js`.
enum DateTimeFormat {
    struct Marker {
        var component: Character
        var presentation1: String
        var presentation2: Character?
        var ordinal = false
        var names: IntegerPicture.Case?
        var widthMin: Int?
        var widthMax: Int?
        var integerFormat: IntegerPicture?
        var yearDigits = -1
    }

    enum Part {
        case literal(String)
        case marker(Marker)
    }

    static let defaultModifiers: [Character: String] = [
        "Y": "1", "M": "1", "D": "1", "d": "1", "F": "n", "W": "1", "w": "1", "X": "1", "x": "1", "H": "1", "h": "1", "P": "n",
        "m": "01", "s": "01", "f": "1", "Z": "01:01", "z": "01:01", "C": "n", "E": "n",
    ]

    static let iso8601 = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"
    static let days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func analyse(_ picture: String) throws(JSONataError) -> [Part] {
        var parts: [Part] = []
        let chars = Array(picture)
        var start = 0
        var pos = 0
        func addLiteral(_ from: Int, _ to: Int) {
            guard to > from else { return }
            parts.append(.literal(String(chars[from..<to]).replacingOccurrences(of: "]]", with: "]")))
        }
        while pos < chars.count {
            if chars[pos] == "[" {
                if pos + 1 < chars.count, chars[pos + 1] == "[" {
                    addLiteral(start, pos)
                    parts.append(.literal("["))
                    pos += 2
                    start = pos
                    continue
                }
                addLiteral(start, pos)
                start = pos
                guard let close = chars[start...].firstIndex(of: "]") else { throw JSONataError.make("D3135") }
                pos = close
                let marker = String(chars[(start + 1)..<pos]).filter { !$0.isWhitespace }
                parts.append(.marker(try analyseMarker(marker)))
                start = pos + 1
            }
            pos += 1
        }
        addLiteral(start, pos)
        return parts
    }

    private static func analyseMarker(_ text: String) throws(JSONataError) -> Marker {
        guard let component = text.first else { throw JSONataError.make("D3132", value: .string("")) }
        var def = Marker(component: component, presentation1: "")
        var presentation: Substring
        if let comma = text.lastIndex(of: ",") {
            let width = text[text.index(after: comma)...]
            let bounds = width.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            func parseWidth(_ s: Substring?) -> Int? {
                guard let s, s != "*" else { return nil }
                return IntegerPicture.parseIntPrefix(String(s)).flatMap { $0.isNaN ? nil : Swift.max(0, Functions.clampedInt(Swift.min($0, 1000))) }
            }
            def.widthMin = parseWidth(bounds.first)
            def.widthMax = bounds.count > 1 ? parseWidth(bounds[1]) : nil
            // JavaScript's `substring(1, comma)` swaps its bounds when the comma is the first character.
            let afterComponent = text.index(after: text.startIndex)
            presentation = comma >= afterComponent ? text[afterComponent..<comma] : text[comma..<afterComponent]
        } else {
            presentation = text.dropFirst()
        }
        if presentation.count == 1 {
            def.presentation1 = String(presentation)
        } else if presentation.count > 1 {
            let last = presentation.last!
            if "atco".contains(last) {
                def.presentation2 = last
                def.ordinal = last == "o"
                def.presentation1 = String(presentation.dropLast())
            } else {
                def.presentation1 = String(presentation)
            }
        } else {
            guard let standard = defaultModifiers[component] else { throw JSONataError.make("D3132", value: .string(String(component))) }
            def.presentation1 = standard
        }
        try analysePresentation(&def)
        return def
    }

    private static func analysePresentation(_ def: inout Marker) throws(JSONataError) {
        if def.presentation1.hasPrefix("n") {
            def.names = .lower
        } else if def.presentation1.hasPrefix("N") {
            def.names = def.presentation1.dropFirst().hasPrefix("n") ? .title : .upper
        } else if "YMDdFWwXxHhmsf".contains(def.component) {
            var pattern = def.presentation1
            if let p2 = def.presentation2 { pattern += ";" + String(p2) }
            var format = try IntegerPicture(pattern)
            if let min = def.widthMin, format.mandatoryDigits < min { format.mandatoryDigits = min }
            if def.component == "Y" {
                if let max = def.widthMax {
                    def.yearDigits = max
                    format.mandatoryDigits = max
                } else {
                    let w = format.mandatoryDigits + format.optionalDigits
                    if w >= 2 { def.yearDigits = w }
                }
            }
            def.integerFormat = format
        }
        if def.component == "Z" || def.component == "z" { def.integerFormat = try IntegerPicture(def.presentation1) }
    }

    static func format(millis: Double, picture: String?, timezone: String?) throws(JSONataError) -> String? {
        guard millis.isFinite, abs(millis) <= 8.64e15 else { return nil }
        var offsetHours = 0
        var offsetMinutes = 0
        if let timezone, let offset = IntegerPicture.parseIntPrefix(timezone), !offset.isNaN {
            let value = Functions.clampedInt(offset)
            offsetHours = Int((Double(value) / 100).rounded(.down))
            offsetMinutes = value % 100
        }
        let parts = try analyse(picture ?? iso8601)
        // In Double: a huge offset must not overflow; a date it moves out of JavaScript's range is undefined
        // (jsonata-js prints NaN in every field of such an Invalid Date).
        let shifted = millis + (60 * Double(offsetHours) + Double(offsetMinutes)) * 60_000
        guard abs(shifted) <= 8.64e15 else { return nil }
        let date = CivilTime(millis: shifted)
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .marker(let marker):
                result += try formatComponent(date, marker, offsetHours: offsetHours, offsetMinutes: offsetMinutes)
            }
        }
        return result
    }

    private static func formatComponent(_ date: CivilTime, _ marker: Marker, offsetHours: Int, offsetMinutes: Int) throws(JSONataError) -> String {
        let component = marker.component
        if "YMDdFWwXxHhms".contains(component) {
            var value = date.fragment(component)
            if component == "Y", marker.yearDigits != -1 {
                value = value.truncatingRemainder(dividingBy: Foundation.pow(10, Double(marker.yearDigits)))
            }
            if let names = marker.names {
                var name: String
                if component == "M" || component == "x" {
                    name = months[Int(value) - 1]
                } else if component == "F" {
                    name = days[Int(value)]
                } else {
                    throw JSONataError.make("D3133", value: .string(String(component)))
                }
                if names == .upper { name = name.uppercased() } else if names == .lower { name = name.lowercased() }
                if let max = marker.widthMax, name.count > max { name = String(name.prefix(max)) }
                return name
            }
            return try marker.integerFormat!.format(value)
        }
        switch component {
        case "f": return try marker.integerFormat!.format(date.fragment("f"))
        case "Z", "z": return try formatZone(marker, offsetHours: offsetHours, offsetMinutes: offsetMinutes)
        case "P":
            let value = date.hour >= 12 ? "pm" : "am"
            return marker.names == .upper ? value.uppercased() : value
        case "C", "E":
            return "ISO"
        default:
            throw JSONataError.make("D3132", value: .string(String(component)))
        }
    }

    private static func formatZone(_ marker: Marker, offsetHours: Int, offsetMinutes: Int) throws(JSONataError) -> String {
        let offset = offsetHours * 100 + offsetMinutes
        let format = marker.integerFormat!
        var text: String
        if format.regular {
            text = try format.format(Double(offset))
        } else {
            let digits = format.mandatoryDigits
            if digits == 1 || digits == 2 {
                text = try format.format(Double(offsetHours))
                if offsetMinutes != 0 { text += ":" + (try IntegerPicture.format(Double(offsetMinutes), "00")) }
            } else if digits == 3 || digits == 4 {
                text = try format.format(Double(offset))
            } else {
                throw JSONataError.make("D3134", value: .number(Double(digits)))
            }
        }
        if offset >= 0 { text = "+" + text }
        if marker.component == "z" { text = "GMT" + text }
        if offset == 0, marker.presentation2 == "t" { text = "Z" }
        return text
    }
}
