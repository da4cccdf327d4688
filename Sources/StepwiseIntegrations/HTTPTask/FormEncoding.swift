import JSON

/// `application/x-www-form-urlencoded` text for the HTTP Task's `URL_ENCODED` request bodies, arrays written in
/// the chosen `RequestEncodingOptions.ArrayFormat`, nested objects as `key[field]`.
enum FormEncoding {
    enum ArrayFormat: String, Sendable {
        case brackets = "BRACKETS"
        case commas = "COMMAS"
        case indices = "INDICES"
        case `repeat` = "REPEAT"
    }

    static func encode(_ object: JSONObject, arrays: ArrayFormat) -> String {
        var pairs: [(String, String)] = []
        for (key, value) in object { append(key, value, arrays, into: &pairs) }
        return pairs.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func append(_ key: String, _ value: JSON, _ arrays: ArrayFormat, into pairs: inout [(String, String)]) {
        switch value {
        case .null: return
        case .object(let object): for (field, inner) in object { append("\(key)[\(field)]", inner, arrays, into: &pairs) }
        case .array(let items):
            switch arrays {
            case .commas: pairs.append((key, items.map(scalar).joined(separator: ",")))
            case .brackets: for item in items { append("\(key)[]", item, arrays, into: &pairs) }
            case .repeat: for item in items { append(key, item, arrays, into: &pairs) }
            case .indices: for (index, item) in items.enumerated() { append("\(key)[\(index)]", item, arrays, into: &pairs) }
            }
        default: pairs.append((key, scalar(value)))
        }
    }

    /// A value as text: strings as they are, everything else as JSON.
    static func scalar(_ value: JSON) -> String { value.stringValue ?? value.serialized() }

    /// Percent-encodes everything but the unreserved characters (RFC 3986).
    static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return result
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
