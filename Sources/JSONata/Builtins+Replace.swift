import Foundation

/// `$replace`: string or regex patterns, `$n` substitutions or a replacer function.
extension Builtins {
    static func replace(_ context: CallContext, _ s: String, _ pattern: Value?, _ replacement: Value?, _ limit: Double?) throws(JSONataError)
        -> String
    {
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
            let needle = Needle(p)
            while let at = needle.firstIndex(in: units, from: position), max == nil || count < max! {
                try context.evaluator.guardTime()
                result += units[position..<at]
                result += text.utf16
                position = at + needle.units.count
                count += 1
            }
            result += units[position...]
            return String(decoding: result, as: UTF16.self)
        case .function(let f)?:
            let matches = try matches(context, f, in: s, limit: max)
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
