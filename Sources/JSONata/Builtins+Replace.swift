import Foundation

/// `$replace` and the URL coding functions.
extension Builtins {
    static func replace(_ context: CallContext, _ s: String, _ pattern: Value?, _ replacement: Value?, _ limit: Double?) throws(JSONataError) -> String {
        if case .string(let p)? = pattern, p.isEmpty { throw JSONataError.make("D3010", value: pattern, index: 2) }
        if let limit, limit < 0 { throw JSONataError.make("D3011", value: .number(limit), index: 4) }
        let max = limit.map { Functions.clampedInt($0.rounded(.up)) }
        if max == 0 { return s }
        let units = Array(s.utf16)
        switch pattern {
        case .string(let p)?:
            var result: [UInt16] = []
            var position = 0
            var count = 0
            let text = try Functions.string(replacement)
            while let at = indexOf(s, p, from: position), max == nil || count < max! {
                result += units[position..<at]
                result += text.utf16
                position = at + p.utf16.count
                count += 1
            }
            result += units[position...]
            return String(decoding: result, as: UTF16.self)
        case .function(let f)?:
            guard case .regex(let re) = f.kind else { throw JSONataError.make("T1010") }
            let matches = try re.allMatches(in: s, limit: max)
            guard !matches.isEmpty else { return s }
            var result: [UInt16] = []
            var position = 0
            for m in matches {
                result += units[position..<m.start]
                result += try substitute(context, m, replacement).utf16
                position = m.end
            }
            result += units[position...]
            return String(decoding: result, as: UTF16.self)
        default:
            return s
        }
    }

    private static func substitute(_ context: CallContext, _ m: RegexMatch, _ replacement: Value?) throws(JSONataError) -> String {
        switch replacement {
        case .string(let text)?:
            return expandDollars(text, m)
        case .function(let f)?:
            let object = m.matchObject()
            let result = try context.evaluator.apply(.function(f), [.object(object)], nil, context.environment)
            guard case .string(let s)? = result else { throw JSONataError.make("D3012", value: result) }
            return s
        default:
            return ""
        }
    }

    /// `$0`, `$1`… in a replacement string; `$$` is a literal dollar.
    static func expandDollars(_ text: String, _ m: RegexMatch) -> String {
        let chars = Array(text.utf16)
        var out: [UInt16] = []
        var position = 0
        while position < chars.count {
            let c = chars[position]
            guard c == 0x24, position + 1 < chars.count else {
                out.append(c)
                position += 1
                continue
            }
            let next = chars[position + 1]
            if next == 0x24 {
                out.append(0x24)
                position += 2
            } else if next == 0x30 {
                out += m.match.utf16
                position += 2
            } else {
                let maxDigits = m.groups.isEmpty ? 1 : Int(floor(log10(Double(m.groups.count)))) + 1
                var digits = chars[(position + 1)...].prefix(maxDigits).prefix { $0 >= 0x30 && $0 <= 0x39 }
                var index = Int(String(decoding: digits, as: UTF16.self))
                if maxDigits > 1, let i = index, i > m.groups.count {
                    digits = digits.dropLast()
                    index = Int(String(decoding: digits, as: UTF16.self))
                }
                if let index {
                    if index >= 1, index <= m.groups.count { out += m.groups[index - 1].utf16 }
                    position += 1 + String(index).count
                } else {
                    out.append(0x24)
                    position += 1
                }
            }
        }
        return String(decoding: out, as: UTF16.self)
    }
}

/// `encodeURIComponent`/`encodeURI` and their decoders, as JavaScript defines them.
enum URLCoding {
    static let unreserved: Set<UInt8> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
    static let reserved: Set<UInt8> = Set(";,/?:@&=+$#".utf8)

    static func malformed(_ s: String, _ function: String) -> JSONataError {
        JSONataError.make("D3140", value: .string(s), extra: ["functionName": function])
    }

    static func encode(_ s: String, keep: Set<UInt8>, function: String) throws(JSONataError) -> String {
        var units = Array(s.utf16)[...]
        while let u = units.first {
            if UTF16.isLeadSurrogate(u) {
                guard units.count > 1, UTF16.isTrailSurrogate(units[units.startIndex + 1]) else { throw malformed(s, function) }
            } else if UTF16.isTrailSurrogate(u) {
                throw malformed(s, function)
            }
            units = units.dropFirst(UTF16.isLeadSurrogate(u) ? 2 : 1)
        }
        var out = ""
        for byte in s.utf8 {
            if keep.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func decode(_ s: String, preserve: Set<UInt8>, function: String) throws(JSONataError) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "%") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard i + 2 < bytes.count, let byte = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else {
                throw malformed(s, function)
            }
            if byte < 0x80, preserve.contains(byte) {
                out += bytes[i...(i + 2)]
            } else {
                out.append(byte)
            }
            i += 3
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw malformed(s, function) }
        return text
    }
}
