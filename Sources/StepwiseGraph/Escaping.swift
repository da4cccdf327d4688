/// Escaping of user data (state names, rule summaries, error names) for each output format. Every text that
/// comes from a definition goes through one of these; nothing else is ever written unescaped.
enum Escaping {
    /// XML character data and attribute values (double-quoted): the five special characters as entities, and
    /// characters XML 1.0 forbids (most control characters, unpaired surrogates cannot occur in Swift) as U+FFFD.
    static func xml(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// A Mermaid label's inside (between double quotes): letters, digits, spaces and a few harmless marks as
    /// they are, everything else as Mermaid's numeric entity `#NNN;`, so no quote, bracket, pipe, `<` or `%`
    /// of user data can end the label or reach the HTML Mermaid renders it into.
    static func mermaid(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0"..."9").contains(scalar) || " .,_:-/$()?!=+*@'".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "#\(scalar.value);"
            }
        }
        return result
    }

    /// The inside of a DOT double-quoted string: `"` and `\` escaped, line breaks as Graphviz's `\n`, other
    /// control characters as spaces (a raw newline would end nothing but looks like a break in the source).
    static func dot(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
            }
        }
        return result
    }
}
