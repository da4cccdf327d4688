import Foundation

/// XPath `format-number` pictures for `$formatNumber` (F&O 4.7), after jsonata-js `functions.js`.
enum DecimalPicture {
    struct Properties {
        var decimal = "."
        var grouping = ","
        var exponent = "e"
        var minus = "-"
        var percent = "%"
        var perMille = "\u{2030}"
        var zero = "0"
        var digit = "#"
        var pattern = ";"

        init(_ options: JObject?) {
            guard let options else { return }
            func read(_ key: String, _ target: inout String) {
                if let s = options[key]?.stringValue, !s.isEmpty { target = s }
            }
            read("decimal-separator", &decimal)
            read("grouping-separator", &grouping)
            read("exponent-separator", &exponent)
            read("minus-sign", &minus)
            read("percent", &percent)
            read("per-mille", &perMille)
            read("zero-digit", &zero)
            read("digit", &digit)
            read("pattern-separator", &pattern)
        }
    }

    struct Parts {
        var prefix: [Character]
        var suffix: [Character]
        var active: [Character]
        var mantissa: [Character]
        var exponent: [Character]?
        var integer: [Character]
        var fraction: [Character]
        var picture: [Character]
    }

    struct Analysis {
        var integerGroupingPositions: [Int]
        var regularGrouping: Int
        var minimumIntegerSize: Int
        var scalingFactor: Int
        var prefix: String
        var fractionGroupingPositions: [Int]
        var minimumFractionSize: Int
        var maximumFractionSize: Int
        var minimumExponentSize: Int
        var suffix: String
        var picture: [Character]
    }

    static func format(_ value: Double, _ picture: String, options: JObject?) throws(JSONataError) -> String {
        let p = Properties(options)
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? p.minus + "Infinity" : "Infinity" }
        let zeroScalar = p.zero.unicodeScalars.first!.value
        let family = (0..<10).map { Character(Unicode.Scalar(zeroScalar + UInt32($0))!) }
        let activeChars = family + [p.decimal, p.exponent, p.grouping, p.digit, p.pattern].compactMap(\.first)
        let sub = picture.components(separatedBy: p.pattern)
        if sub.count > 2 { throw JSONataError.make("D3080") }
        var parts: [Parts] = []
        for s in sub { parts.append(split(Array(s), activeChars, p)) }
        for part in parts { try validate(part, family, activeChars, p) }
        var variables = parts.map { analyse($0, family, p) }
        if variables.count == 1 {
            var negative = variables[0]
            negative.prefix = p.minus + negative.prefix
            variables.append(negative)
        }
        return render(value, value >= 0 ? variables[0] : variables[1], family, p)
    }

    private static func split(_ sub: [Character], _ active: [Character], _ p: Properties) -> Parts {
        let exp = p.exponent.first
        let isActive: (Character) -> Bool = { active.contains($0) && $0 != exp }
        let prefixEnd = sub.firstIndex(where: isActive) ?? sub.count
        let suffixStart = (sub.lastIndex(where: isActive).map { $0 + 1 }) ?? sub.count
        let prefix = Array(sub[..<prefixEnd])
        let suffix = prefixEnd < suffixStart ? Array(sub[suffixStart...]) : []
        let active = prefixEnd < suffixStart ? Array(sub[prefixEnd..<suffixStart]) : []
        var mantissa = active
        var exponent: [Character]?
        // jsonata-js slices the active part with the exponent's position in the whole sub-picture; so do we.
        if let e = exp, let position = sub[prefix.count...].firstIndex(of: e), position <= sub.count - suffix.count {
            mantissa = Array(active[..<Swift.min(position, active.count)])
            exponent = position + 1 < active.count ? Array(active[(position + 1)...]) : []
        }
        let d = p.decimal.first
        var integer = mantissa
        var fraction = suffix
        if let d, let at = mantissa.firstIndex(of: d) {
            integer = Array(mantissa[..<at])
            fraction = Array(mantissa[(at + 1)...])
        }
        return Parts(
            prefix: prefix, suffix: suffix, active: active, mantissa: mantissa, exponent: exponent, integer: integer, fraction: fraction, picture: sub
        )
    }

    /// How often `sign` occurs in `chars` (overlaps counted). A percent or per-mille sign may be longer than one
    /// character (`{"per-mille": "pm"}`): jsonata-js finds it with `indexOf`, so does this.
    static func count(_ chars: [Character], _ sign: String) -> Int {
        let needle = Array(sign)
        guard !needle.isEmpty, needle.count <= chars.count else { return 0 }
        return (0...(chars.count - needle.count)).filter { chars[$0..<($0 + needle.count)].elementsEqual(needle) }.count
    }

    private static func validate(_ parts: Parts, _ family: [Character], _ active: [Character], _ p: Properties) throws(JSONataError) {
        let sub = parts.picture
        var error: String?
        if count(sub, p.decimal) > 1 { error = "D3081" }
        if count(sub, p.percent) > 1 { error = "D3082" }
        if count(sub, p.perMille) > 1 { error = "D3083" }
        if count(sub, p.percent) > 0 && count(sub, p.perMille) > 0 { error = "D3084" }
        if !parts.mantissa.contains(where: { family.contains($0) || String($0) == p.digit }) { error = "D3085" }
        if parts.active.contains(where: { !active.contains($0) }) { error = "D3086" }
        let g = p.grouping.first
        if let decimalPos = sub.firstIndex(where: { String($0) == p.decimal }) {
            if (decimalPos > 0 && sub[decimalPos - 1] == g) || (decimalPos + 1 < sub.count && sub[decimalPos + 1] == g) { error = "D3087" }
        } else if parts.integer.last == g {
            error = "D3088"
        }
        if String(sub).contains(p.grouping + p.grouping) { error = "D3089" }
        if let optional = parts.integer.firstIndex(where: { String($0) == p.digit }),
            parts.integer[..<optional].contains(where: { family.contains($0) })
        {
            error = "D3090"
        }
        if let optional = parts.fraction.lastIndex(where: { String($0) == p.digit }),
            parts.fraction[optional...].contains(where: { family.contains($0) })
        {
            error = "D3091"
        }
        if let exponent = parts.exponent {
            if !exponent.isEmpty, count(sub, p.percent) > 0 || count(sub, p.perMille) > 0 { error = "D3092" }
            if exponent.isEmpty || exponent.contains(where: { !family.contains($0) }) { error = "D3093" }
        }
        if let error { throw JSONataError.make(error) }
    }

    private static func analyse(_ parts: Parts, _ family: [Character], _ p: Properties) -> Analysis {
        let isDigit: (Character) -> Bool = { family.contains($0) || String($0) == p.digit }
        func groupingPositions(_ part: [Character], toLeft: Bool) -> [Int] {
            var positions: [Int] = []
            for (i, c) in part.enumerated() where String(c) == p.grouping {
                let side = toLeft ? Array(part[..<i]) : Array(part[i...])
                positions.append(side.filter(isDigit).count)
            }
            return positions
        }
        let integerPositions = groupingPositions(parts.integer, toLeft: false)
        var minimumInteger = parts.integer.filter { family.contains($0) }.count
        let scaling = minimumInteger
        var minimumFraction = parts.fraction.filter { family.contains($0) }.count
        var maximumFraction = parts.fraction.filter(isDigit).count
        let exponentPresent = parts.exponent != nil
        if minimumInteger == 0 && maximumFraction == 0 {
            if exponentPresent {
                minimumFraction = 1
                maximumFraction = 1
            } else {
                minimumInteger = 1
            }
        }
        if exponentPresent && minimumInteger == 0 && parts.integer.contains(where: { String($0) == p.digit }) { minimumInteger = 1 }
        if minimumInteger == 0 && minimumFraction == 0 { minimumFraction = 1 }
        let minimumExponent = parts.exponent.map { $0.filter { family.contains($0) }.count } ?? 0
        return Analysis(
            integerGroupingPositions: integerPositions, regularGrouping: regular(integerPositions), minimumIntegerSize: minimumInteger,
            scalingFactor: scaling, prefix: String(parts.prefix), fractionGroupingPositions: groupingPositions(parts.fraction, toLeft: true),
            minimumFractionSize: minimumFraction, maximumFractionSize: maximumFraction, minimumExponentSize: minimumExponent,
            suffix: String(parts.suffix), picture: parts.picture)
    }

    private static func regular(_ indexes: [Int]) -> Int {
        guard let first = indexes.first else { return 0 }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let factor = indexes.reduce(first) { gcd($0, $1) }
        guard factor > 0 else { return 0 }
        for index in 1...indexes.count where !indexes.contains(index * factor) { return 0 }
        return factor
    }
}
