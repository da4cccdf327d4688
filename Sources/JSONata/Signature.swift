import Foundation

/// A function signature such as `<s-nn?:s>`: validates and coerces arguments as jsonata-js `signature.js` does.
///
/// `@unchecked Sendable`: immutable after init; `NSRegularExpression` is documented as safe to share.
final class Signature: @unchecked Sendable {
    struct Param {
        var regex: String
        var type: String
        var context = false
        var contextRegex: NSRegularExpression?
        var subtype: String?
    }

    let params: [Param]
    let regex: NSRegularExpression
    let source: String

    static let arraySignatureMapping: [String: String] = [
        "a": "arrays", "b": "booleans", "f": "functions", "n": "numbers", "o": "objects", "s": "strings",
    ]

    init(_ signature: String) throws(JSONataError) {
        source = signature
        let chars = Array(signature)
        var params: [Param] = []
        var param = Param(regex: "", type: "")
        var position = 1
        func next() {
            params.append(param)
            param = Param(regex: "", type: "")
        }
        while position < chars.count {
            let symbol = chars[position]
            if symbol == ":" { break }
            switch symbol {
            case "s", "n", "b", "l", "o":
                param.regex = "[\(symbol)m]"
                param.type = String(symbol)
                next()
            case "a":
                param.regex = "[asnblfom]"
                param.type = "a"
                next()
            case "f":
                param.regex = "f"
                param.type = "f"
                next()
            case "j":
                param.regex = "[asnblom]"
                param.type = "j"
                next()
            case "x":
                param.regex = "[asnblfom]"
                param.type = "x"
                next()
            case "-":
                if var prev = params.popLast() {
                    prev.context = true
                    prev.contextRegex = try? NSRegularExpression(pattern: prev.regex)
                    prev.regex += "?"
                    params.append(prev)
                }
            case "?", "+":
                if var prev = params.popLast() {
                    prev.regex += String(symbol)
                    params.append(prev)
                }
            case "(":
                let end = Self.closing(chars, position, "(", ")")
                guard end > position else { throw JSONataError.make("S0401", position: position, value: .string(signature)) }
                let choice = String(chars[(position + 1)..<end])
                if choice.contains("<") {
                    throw JSONataError.make("S0402", position: position, value: .string(choice))
                }
                param.regex = "[\(choice)m]"
                param.type = "(\(choice))"
                position = end
                next()
            case "<":
                guard var prev = params.popLast(), prev.type == "a" || prev.type == "f" else {
                    throw JSONataError.make("S0401", position: position, value: .string(params.last?.type ?? ""))
                }
                let end = Self.closing(chars, position, "<", ">")
                guard end > position else { throw JSONataError.make("S0401", position: position, value: .string(signature)) }
                prev.subtype = String(chars[(position + 1)..<end])
                params.append(prev)
                position = end
            default:
                break
            }
            position += 1
        }
        self.params = params
        let pattern = "^" + params.map { "(\($0.regex))" }.joined() + "$"
        do { regex = try NSRegularExpression(pattern: pattern) } catch {
            throw JSONataError.make("S0401", position: 0, value: .string(signature))
        }
    }

    private static func closing(_ chars: [Character], _ start: Int, _ open: Character, _ close: Character) -> Int {
        var depth = 1
        var position = start
        while position < chars.count - 1 {
            position += 1
            if chars[position] == open { depth += 1 } else if chars[position] == close {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return position
    }

    static func symbol(_ value: Value?) -> Character {
        guard let value else { return "m" }
        switch value {
        case .function: return "f"
        case .string: return "s"
        case .number: return "n"
        case .bool: return "b"
        case .null: return "l"
        case .array: return "a"
        case .object: return "o"
        }
    }

    /// Checks `args` against the signature, filling a missing context argument and wrapping single values for
    /// array parameters. Errors carry the argument index (1-based); the caller adds the function name.
    func validate(_ args: [Value?], context: Value?) throws(JSONataError) -> [Value?] {
        let supplied = String(args.map(Self.symbol))
        let ns = supplied as NSString
        guard let match = regex.firstMatch(in: supplied, range: NSRange(location: 0, length: ns.length)) else {
            throw validationError(args, supplied)
        }
        var validated: [Value?] = []
        var argIndex = 0
        for (index, param) in params.enumerated() {
            let range = match.range(at: index + 1)
            let matched = range.location == NSNotFound ? "" : ns.substring(with: range)
            if matched.isEmpty {
                if param.context, let contextRegex = param.contextRegex {
                    let contextType = String(Self.symbol(context))
                    if contextRegex.firstMatch(in: contextType, range: NSRange(location: 0, length: 1)) != nil {
                        validated.append(context)
                    } else {
                        throw JSONataError.make("T0411", value: context, index: argIndex + 1)
                    }
                } else {
                    validated.append(argIndex < args.count ? args[argIndex] : nil)
                    argIndex += 1
                }
                continue
            }
            for single in matched {
                var arg = argIndex < args.count ? args[argIndex] : nil
                if param.type == "a" {
                    if single == "m" {
                        arg = nil
                    } else {
                        try checkArray(param, single: single, matched: matched, arg: arg, index: argIndex)
                        if single != "a", let value = arg { arg = .array(JArray([value])) }
                    }
                }
                validated.append(arg)
                argIndex += 1
            }
        }
        return validated
    }

    private func checkArray(_ param: Param, single: Character, matched: String, arg: Value?, index: Int) throws(JSONataError) {
        guard let subtype = param.subtype else { return }
        var ok = true
        if single != "a" {
            ok = matched == subtype
        } else if let items = arg?.arrayValue?.items, let first = items.first {
            let itemType = Self.symbol(first)
            if String(itemType) != String(subtype.prefix(1)) {
                ok = false
            } else {
                ok = items.allSatisfy { Self.symbol($0) == itemType }
            }
        }
        if !ok {
            throw JSONataError.make("T0412", value: arg, index: index + 1, extra: ["type": Self.arraySignatureMapping[subtype] ?? subtype])
        }
    }

    private func validationError(_ args: [Value?], _ supplied: String) -> JSONataError {
        var partial = "^"
        var goodTo = 0
        let ns = supplied as NSString
        for param in params {
            partial += param.regex
            guard let re = try? NSRegularExpression(pattern: partial),
                let m = re.firstMatch(in: supplied, range: NSRange(location: 0, length: ns.length))
            else {
                return JSONataError.make("T0410", value: goodTo < args.count ? args[goodTo] : nil, index: goodTo + 1)
            }
            goodTo = m.range.length
        }
        return JSONataError.make("T0410", value: goodTo < args.count ? args[goodTo] : nil, index: goodTo + 1)
    }
}
