/// Group names and the count of capturing groups, known before parsing: `\2` and `\k<late>` may refer to a
/// group that opens after them.
extension RegexParser {
    /// Counts the capturing groups (`(` not followed by `?`, and `(?<name>`) outside classes and escapes, and
    /// indexes their names; a name used twice is an error.
    static func scanGroups(_ units: [UInt16]) throws(RegexSyntaxError) -> (Int, [String: Int]) {
        var count = 0
        var names: [String: Int] = [:]
        var index = 0
        var inClass = false
        while index < units.count {
            let c = units[index]
            index += 1
            if c == Unit.backslash {
                index += 1
            } else if inClass {
                inClass = c != Unit.closeBracket
            } else if c == Unit.openBracket {
                inClass = true
            } else if c == Unit.openParen {
                let next = unit(units, index)
                if next != Unit.question {
                    count += 1
                } else if unit(units, index + 1) == Unit.less, ![Unit.equals, Unit.exclamation].contains(unit(units, index + 2)) {
                    count += 1
                    guard let (name, _) = groupName(units, from: index + 2) else { continue }
                    guard names[name] == nil else { throw RegexSyntaxError("Duplicate capture group name", at: index + 2) }
                    names[name] = count
                }
            }
        }
        return (count, names)
    }

    private static func unit(_ units: [UInt16], _ index: Int) -> UInt16? { index < units.count ? units[index] : nil }

    /// The group name starting at `from` and the offset after its `>`; nil when it is not a valid name
    /// (ECMAScript's IdentifierName: ID_Start, `$` or `_`, then ID_Continue, `$`, ZWNJ or ZWJ).
    static func groupName(_ units: [UInt16], from: Int) -> (String, end: Int)? {
        guard from <= units.count, let close = units[from...].firstIndex(of: Unit.greater), close > from else { return nil }
        let name = String(decoding: units[from..<close], as: UTF16.self)
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            let properties = scalar.properties
            let valid = offset == 0 ? properties.isIDStart : properties.isIDContinue || scalar == "\u{200C}" || scalar == "\u{200D}"
            guard valid || scalar == "$" || scalar == "_" else { return nil }
        }
        return (name, close + 1)
    }
}
