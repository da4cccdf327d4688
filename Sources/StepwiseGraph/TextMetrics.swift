/// Text widths without a font engine: a per-character estimate for a sans-serif face, generous enough that
/// text stays inside its box in common browsers. Deterministic, so layouts are the same everywhere.
enum TextMetrics {
    /// The longest text shown on a box or label; the whole text is in the SVG's `<title>` tooltip.
    static let maximumCharacters = 40

    /// Estimated width in pixels of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars { em += advance(scalar) }
        return (em * fontSize).rounded(.up)
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, limit: Int = maximumCharacters) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Advance widths in em, roughly those of Helvetica/Arial (rounded up).
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "'", "|", ".", ",", ":", ";", "!": 0.28
        case "f", "t", "r", "I", "(", ")", "[", "]", "{", "}", "/", "\\", "-", " ", "\"": 0.36
        case "m", "w", "M", "W", "@", "%": 0.86
        case "A"..."Z", "&", "#", "~", "+", "=", "<", ">", "_", "?", "$", "*", "^": 0.68
        case "0"..."9", "a"..."z": 0.58
        default: scalar.value < 0x80 ? 0.6 : (scalar.value >= 0x1100 ? 1.0 : 0.7)
        }
    }
}
