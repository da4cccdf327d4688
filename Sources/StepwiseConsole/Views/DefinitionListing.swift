import JSON

/// A definition pretty-printed (two-space indent, members in their order) with the line of every member, so a
/// validation diagnostic's location (`/States/Check/Choices[0]/Next`, as AWS writes it) points at a line.
struct DefinitionListing: Sendable {
    private(set) var lines: [String] = []
    /// 1-based line numbers by location: `/` for the whole document, `/Key` for a member, `[i]` for an element.
    private(set) var lineByLocation: [String: Int] = [:]

    /// Nil when the text is not JSON (the page then shows it as it is).
    init?(_ text: String) {
        guard let json = try? JSON(parsing: text) else { return nil }
        write(json, location: "", indent: "", lead: "", last: true)
    }

    /// The line of `location`, or of the nearest enclosing member when the location names one that is missing
    /// (a required field, say).
    func line(of location: String?) -> Int? {
        guard var location else { return nil }
        while !location.isEmpty {
            if let line = lineByLocation[location] { return line }
            location = Self.parent(of: location)
        }
        return lineByLocation[""]
    }

    /// `/States/A/Catch[0]` → `/States/A/Catch` → `/States/A` → … → empty (the document).
    static func parent(of location: String) -> String {
        if location.hasSuffix("]"), let open = location.lastIndex(of: "[") { return String(location[..<open]) }
        guard let slash = location.lastIndex(of: "/") else { return "" }
        return String(location[..<slash])
    }

    /// The recursion is bounded by the JSON parser's nesting limit.
    private mutating func write(_ value: JSON, location: String, indent: String, lead: String, last: Bool) {
        lineByLocation[location] = lines.count + 1
        let comma = last ? "" : ","
        switch value {
        case .object(let object) where !object.isEmpty:
            lines.append(indent + lead + "{")
            for (position, key) in object.keys.enumerated() {
                let member = JSON.string(key).serialized() + ": "
                write(
                    object.values[position], location: location + "/" + key, indent: indent + "  ", lead: member, last: position == object.count - 1)
            }
            lines.append(indent + "}" + comma)
        case .array(let elements) where !elements.isEmpty:
            lines.append(indent + lead + "[")
            for (position, element) in elements.enumerated() {
                write(element, location: location + "[\(position)]", indent: indent + "  ", lead: "", last: position == elements.count - 1)
            }
            lines.append(indent + "]" + comma)
        default:
            lines.append(indent + lead + value.serialized() + comma)
        }
    }
}
