import JSON

/// The template of `States.Format` (asl-reference §4): text with `{}` placeholders. A backslash makes the next
/// character literal (`\{`, `\}`, `\'`, `\\`); a brace that is neither escaped nor part of `{}` is an error.
struct FormatTemplate: Equatable {
    enum Segment: Equatable {
        case text(String)
        case placeholder
    }

    let segments: [Segment]

    var placeholderCount: Int { segments.count { $0 == .placeholder } }

    /// Parses a template as written between the quotes, escapes included; nil for an unmatched brace.
    init?(_ raw: String) {
        var segments: [Segment] = []
        var text = String.UnicodeScalarView()
        var iterator = raw.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\\":
                guard let escaped = iterator.next() else { return nil }
                text.append(escaped)
            case "{":
                guard iterator.next() == "}" else { return nil }
                if !text.isEmpty { segments.append(.text(String(text))) }
                text = String.UnicodeScalarView()
                segments.append(.placeholder)
            case "}": return nil
            default: text.append(scalar)
            }
        }
        if !text.isEmpty { segments.append(.text(String(text))) }
        self.segments = segments
    }

    /// The template with each placeholder replaced by the next value's text.
    func render(_ values: some Sequence<JSON>) -> String {
        var values = values.makeIterator()
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .placeholder: result += values.next().map(Self.text(of:)) ?? ""
            }
        }
        return result
    }

    /// How AWS prints a value into a template: strings raw, scalars as JSON, and containers as Java's
    /// `Map.toString()`/`List.toString()` do, `{key=value, …}` and `[a, b]` (asl-reference §10 item 5).
    static func text(of value: JSON) -> String {
        switch value {
        case .string(let string): return string
        case .array(let elements): return "[" + elements.map(text(of:)).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { "\($0.key)=\(text(of: $0.value))" }.joined(separator: ", ") + "}"
        default: return value.serialized()
        }
    }
}
