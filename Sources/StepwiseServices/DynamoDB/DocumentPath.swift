/// A document path in an expression: `a.b[0].#c`. Names may be `#placeholders`, resolved per request.
struct DocumentPath: Sendable, Hashable, CustomStringConvertible {
    enum Element: Sendable, Hashable {
        /// An attribute or map key as written: a literal name or a `#placeholder`.
        case name(String)
        case index(Int)
    }

    var elements: [Element]

    /// The path as written, for messages.
    var description: String {
        elements.enumerated().map { offset, element in
            switch element {
            case .name(let name): offset == 0 ? name : ".\(name)"
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }

    /// The path with every `#placeholder` replaced by its attribute name.
    func resolved(_ names: [String: String]) -> DocumentPath {
        DocumentPath(
            elements: elements.map { element in
                if case .name(let name) = element, name.hasPrefix("#") { return .name(names[name] ?? name) }
                return element
            })
    }

    /// The top-level attribute name (after resolution).
    var attribute: String {
        if case .name(let name) = elements.first { return name }
        return ""
    }
}
