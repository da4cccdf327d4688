import Foundation

/// String functions: `$string`, `$substring`, `$pad`, `$trim`, `$contains`, `$split`, `$join`, `$match`, `$replace`, …
extension Builtins {
    static let stringFunctions: [NativeFunction] = [
        NativeFunction("string", "<x-b?:s>", arity: 1) { _, args throws(JSONataError) in
            guard var value = args.at(0) else { return nil }
            // The input array itself when it comes in as the context (`$string()` over an array input), as jsonata-js.
            if case .array(let array) = value, array.outerWrapper, let inner = array.items.first { value = inner }
            return .string(try Functions.string(value, pretty: args.at(1).flatMap { if case .bool(let b) = $0 { b } else { nil } } ?? false))
        },
        NativeFunction("substring", "<s-nn?:s>") { _, args in
            guard let s = args.string(0), let start = args.number(1) else { return nil }
            return .string(substring(s, start, args.number(2)))
        },
        NativeFunction("substringBefore", "<s-s:s>") { _, args in
            guard let s = args.string(0), let chars = args.string(1) else { return args.at(0) }
            guard let at = indexOf(s, chars) else { return .string(s) }
            return .string(String(decoding: Array(s.utf16)[..<at], as: UTF16.self))
        },
        NativeFunction("substringAfter", "<s-s:s>") { _, args in
            guard let s = args.string(0), let chars = args.string(1) else { return args.at(0) }
            guard let at = indexOf(s, chars) else { return .string(s) }
            return .string(String(decoding: Array(s.utf16)[(at + chars.utf16.count)...], as: UTF16.self))
        },
        NativeFunction("lowercase", "<s-:s>") { _, args in args.string(0).map { .string($0.lowercased()) } },
        NativeFunction("uppercase", "<s-:s>") { _, args in args.string(0).map { .string($0.uppercased()) } },
        NativeFunction("length", "<s-:n>") { _, args in args.string(0).map { .number(Double($0.unicodeScalars.count)) } },
        NativeFunction("trim", "<s-:s>") { _, args in args.string(0).map { .string(trim($0)) } },
        NativeFunction("pad", "<s-ns?:s>") { _, args in
            guard let s = args.string(0), let width = args.number(1) else { return nil }
            return .string(pad(s, width, args.string(2)))
        },
        NativeFunction("contains", "<s-(sf):b>") { context, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            switch args.at(1) {
            case .string(let token)?: return .bool(token.isEmpty || indexOf(s, token) != nil)
            case .function(let f)?:
                // The first match is all $contains asks for (allMatches would look on for a second one).
                if case .regex(let re) = f.kind { return .bool(try re.firstMatch(in: Array(s.utf16), from: 0, context.evaluator) != nil) }
                return .bool(!(try matches(context, f, in: s, limit: 1)).isEmpty)
            default: return nil
            }
        },
        NativeFunction("split", "<s-(sf)n?:a<s>>") { context, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            let limit = args.number(2)
            if let limit, limit < 0 { throw JSONataError.make("D3020", value: .number(limit)) }
            return .array(JArray(try split(context, s, args.at(1), limit).map(Value.string)))
        },
        NativeFunction("join", "<a<s>s?:s>") { _, args in
            guard let items = args.array(0) else { return nil }
            return .string(items.items.compactMap(\.stringValue).joined(separator: args.string(1) ?? ""))
        },
        NativeFunction("match", "<s-f<s:o>n?:a<o>>") { context, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            let limit = args.number(2)
            if let limit, limit < 0 { throw JSONataError.make("D3040", value: .number(limit)) }
            guard let matcher = args.function(1) else { throw JSONataError.make("T1010") }
            if let limit, limit == 0 { return .array(JArray.sequence()) }
            let matches = try matches(context, matcher, in: s, limit: limit.map { Functions.clampedInt($0.rounded(.up)) })
            return .array(
                JArray.sequence(
                    matches.map { m in
                        let o = JObject()
                        o["match"] = .string(m.match)
                        o["index"] = .number(Double(m.start))
                        o["groups"] = .array(JArray(m.groups.map(Value.string)))
                        return .object(o)
                    }))
        },
        NativeFunction("replace", "<s-(sf)(sf)n?:s>") { context, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            return .string(try replace(context, s, args.at(1), args.at(2), args.number(3)))
        },
        NativeFunction("base64encode", "<s-:s>") { _, args in
            args.string(0).map { .string(Data($0.utf16.map { UInt8(truncatingIfNeeded: $0) }).base64EncodedString()) }
        },
        NativeFunction("base64decode", "<s-:s>") { _, args in
            guard let s = args.string(0) else { return nil }
            guard let data = Data(base64Encoded: s, options: .ignoreUnknownCharacters) else { return .string("") }
            return .string(String(decoding: data.map { UInt16($0) }, as: UTF16.self))
        },
        NativeFunction("encodeUrlComponent", "<s-:s>") { _, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            return .string(try URLCoding.encode(s, keep: URLCoding.unreserved, function: "encodeUrlComponent"))
        },
        NativeFunction("encodeUrl", "<s-:s>") { _, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            return .string(try URLCoding.encode(s, keep: URLCoding.unreserved.union(URLCoding.reserved), function: "encodeUrl"))
        },
        NativeFunction("decodeUrlComponent", "<s-:s>") { _, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            return .string(try URLCoding.decode(s, preserve: [], function: "decodeUrlComponent"))
        },
        NativeFunction("decodeUrl", "<s-:s>") { _, args throws(JSONataError) in
            guard let s = args.string(0) else { return nil }
            return .string(try URLCoding.decode(s, preserve: URLCoding.reserved, function: "decodeUrl"))
        },
    ]

    /// JavaScript `Array.prototype.slice` bounds on code points.
    static func substring(_ s: String, _ start: Double, _ length: Double?) -> String {
        let scalars = Functions.scalars(s)
        let count = Double(scalars.count)
        var start = start
        if count + start < 0 { start = 0 }
        func clamp(_ v: Double) -> Int {
            let t = v.isNaN ? 0 : v.rounded(.towardZero)
            let r = t < 0 ? max(count + t, 0) : min(t, count)
            return Int(r)
        }
        let from = clamp(start)
        var to = scalars.count
        if let length {
            if length <= 0 { return "" }
            to = clamp(start >= 0 ? start + length : count + start + length)
        }
        guard from < to else { return "" }
        return Functions.fromScalars(scalars[from..<to])
    }

    /// UTF-16 offset of the first occurrence of `needle` (JavaScript `indexOf`).
    static func indexOf(_ haystack: String, _ needle: String, from: Int = 0) -> Int? {
        Needle(needle).firstIndex(in: Array(haystack.utf16), from: from)
    }

    static func trim(_ s: String) -> String {
        var out = ""
        var inSpace = false
        for scalar in s.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !inSpace { out.append(" ") }
                inSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                inSpace = false
            }
        }
        if out.hasPrefix(" ") { out.removeFirst() }
        if out.hasSuffix(" ") { out.removeLast() }
        return out
    }

    static func pad(_ s: String, _ width: Double, _ char: String?) -> String {
        let padChar = (char?.isEmpty ?? true) ? " " : char!
        let padLength = Functions.clampedInt(Swift.min(abs(width), 1e7).rounded(.towardZero)) - s.unicodeScalars.count
        guard padLength > 0 else { return s }
        var padding = Array(String(repeating: padChar, count: padLength).unicodeScalars)
        padding = Array(padding.prefix(padLength))
        let text = Functions.fromScalars(padding)
        return width > 0 ? s + text : text + s
    }

    static func split(_ context: CallContext, _ s: String, _ separator: Value?, _ limit: Double?) throws(JSONataError) -> [String] {
        let max = limit.map { Functions.clampedInt($0.rounded(.towardZero)) }
        if max == 0 { return [] }
        switch separator {
        case .string(let sep)?:
            var parts: [String]
            if sep.isEmpty {
                parts = s.unicodeScalars.map { String($0) }
            } else {
                parts = []
                var position = 0
                let units = Array(s.utf16)
                let needle = Needle(sep)
                while let at = needle.firstIndex(in: units, from: position) {
                    try context.evaluator.guardTime()
                    parts.append(String(decoding: units[position..<at], as: UTF16.self))
                    position = at + needle.units.count
                }
                parts.append(String(decoding: units[position...], as: UTF16.self))
            }
            if let max, parts.count > max { parts = Array(parts.prefix(max)) }
            return parts
        case .function(let f)?:
            let matches = try matches(context, f, in: s, limit: max)
            guard !matches.isEmpty else { return [s] }
            let units = Array(s.utf16)
            var parts: [String] = []
            var start = 0
            for m in matches {
                parts.append(String(decoding: units[start..<m.start], as: UTF16.self))
                start = m.end
            }
            if max == nil || matches.count < max! { parts.append(String(decoding: units[start...], as: UTF16.self)) }
            return parts
        default:
            return [s]
        }
    }
}
