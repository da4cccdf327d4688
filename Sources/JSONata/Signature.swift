/// A function signature such as `<s-nn?:s>`: validates and coerces arguments as jsonata-js `signature.js` does.
///
/// jsonata-js compiles a signature to a regular expression over one-letter type symbols; this matches the same
/// language with a small backtracking matcher, which is much cheaper than a regex engine on every call.
struct Signature: Sendable {
    /// One parameter: the type symbols it accepts (`m` = missing) and its quantifier.
    struct Param: Sendable {
        var allowed: Set<Character> = [] {
            didSet { mask = Signature.mask(allowed) }
        }
        /// `allowed` as bits (``Signature/bit(_:)``), what matching tests.
        var mask: UInt16 = 0
        var type = ""
        var optional = false
        var repeats = false
        var context = false
        var subtype: String?
    }

    let params: [Param]
    let source: String

    static let arraySignatureMapping: [String: String] = [
        "a": "arrays", "b": "booleans", "f": "functions", "n": "numbers", "o": "objects", "s": "strings",
    ]

    init(_ signature: String) throws(JSONataError) {
        source = signature
        let chars = Array(signature)
        var params: [Param] = []
        var position = 1
        func add(_ allowed: String, _ type: String) {
            var param = Param(type: type)
            param.allowed = Set(allowed)
            params.append(param)
        }
        while position < chars.count {
            let symbol = chars[position]
            if symbol == ":" { break }
            switch symbol {
            case "s", "n", "b", "l", "o": add("\(symbol)m", String(symbol))
            case "a": add("asnblfom", "a")
            case "f": add("f", "f")
            case "j": add("asnblom", "j")
            case "x": add("asnblfom", "x")
            case "-":
                if !params.isEmpty {
                    params[params.count - 1].context = true
                    params[params.count - 1].optional = true
                }
            case "?": if !params.isEmpty { params[params.count - 1].optional = true }
            case "+": if !params.isEmpty { params[params.count - 1].repeats = true }
            case "(":
                let end = Self.closing(chars, position, "(", ")")
                guard end > position else { throw JSONataError.make("S0401", position: position, value: .string(signature)) }
                let choice = String(chars[(position + 1)..<end])
                if choice.contains("<") {
                    throw JSONataError.make("S0402", position: position, value: .string(choice))
                }
                add(choice + "m", "(\(choice))")
                position = end
            case "<":
                guard let last = params.last, last.type == "a" || last.type == "f" else {
                    throw JSONataError.make("S0401", position: position, value: .string(params.last?.type ?? ""))
                }
                let end = Self.closing(chars, position, "<", ">")
                guard end > position else { throw JSONataError.make("S0401", position: position, value: .string(signature)) }
                params[params.count - 1].subtype = String(chars[(position + 1)..<end])
                position = end
            default:
                break
            }
            position += 1
        }
        self.params = params
    }

    private static func closing(_ chars: [Character], _ start: Int, _ open: Character, _ close: Character) -> Int {
        var depth = 1
        var position = start
        while position < chars.count - 1 {
            position += 1
            if chars[position] == open {
                depth += 1
            } else if chars[position] == close {
                depth -= 1
                if depth == 0 { break }
            }
        }
        return position
    }

    /// The symbols' bits, in the order of ``bit(_:)``.
    private static let symbols: [Character] = ["m", "f", "s", "n", "b", "l", "a", "o"]

    static func mask(_ allowed: Set<Character>) -> UInt16 {
        var mask: UInt16 = 0
        for (position, symbol) in symbols.enumerated() where allowed.contains(symbol) { mask |= 1 << position }
        return mask
    }

    /// The bit of a value's type symbol (`symbol` as one bit of a mask).
    static func bit(_ value: Value?) -> UInt16 {
        guard let value else { return 1 }
        switch value {
        case .function: return 1 << 1
        case .string: return 1 << 2
        case .number: return 1 << 3
        case .bool: return 1 << 4
        case .null: return 1 << 5
        case .array: return 1 << 6
        case .object: return 1 << 7
        }
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
        let bits = args.map(Self.bit)
        guard let counts = match(bits, params: params.count, anchored: true) else {
            throw validationError(args, bits)
        }
        var validated: [Value?] = []
        validated.reserveCapacity(params.count)
        var argIndex = 0
        // Where each parameter's match starts among the symbols, as the regular expression's groups do in
        // jsonata-js: a parameter that matched nothing still takes an argument, so the two indexes part.
        var symbolIndex = 0
        for (index, param) in params.enumerated() {
            let taken = counts[index]
            defer { symbolIndex += taken }
            if taken == 0 {
                if param.context, param.allowed.contains(Self.symbol(context)) {
                    validated.append(context)
                } else if param.context {
                    throw JSONataError.make("T0411", value: context, index: argIndex + 1)
                } else {
                    validated.append(argIndex < args.count ? args[argIndex] : nil)
                    argIndex += 1
                }
                continue
            }
            let isArray = param.type == "a"
            for position in symbolIndex..<(symbolIndex + taken) {
                var arg = argIndex < args.count ? args[argIndex] : nil
                if isArray {
                    let single = Self.symbol(args[position])
                    if single == "m" {
                        arg = nil
                    } else {
                        if param.subtype != nil {
                            let matched = args[symbolIndex..<(symbolIndex + taken)].map(Self.symbol)
                            try checkArray(param, single: single, matched: matched, arg: arg, index: argIndex)
                        }
                        if single != "a", let value = arg { arg = .array(JArray([value])) }
                    }
                }
                validated.append(arg)
                argIndex += 1
            }
        }
        return validated
    }

    /// Matches symbols against the first `count` parameters the way the regular expression `^(p1)(p2)…` would
    /// (greedy, backtracking); returns how many symbols each parameter took.
    func match(_ symbols: [UInt16], params count: Int, anchored: Bool) -> [Int]? {
        var taken = [Int](repeating: 0, count: count)
        func attempt(_ index: Int, _ position: Int) -> Bool {
            if index == count { return !anchored || position == symbols.count }
            let param = params[index]
            var maximum = 0
            while position + maximum < symbols.count, param.mask & symbols[position + maximum] != 0 {
                maximum += 1
                if !param.repeats { break }
            }
            let minimum = param.optional ? 0 : 1
            if maximum < minimum { return false }
            for n in stride(from: maximum, through: minimum, by: -1) {
                taken[index] = n
                if attempt(index + 1, position + n) { return true }
            }
            return false
        }
        return attempt(0, 0) ? taken : nil
    }

    private func checkArray(_ param: Param, single: Character, matched: [Character], arg: Value?, index: Int) throws(JSONataError) {
        guard let subtype = param.subtype else { return }
        var ok = true
        if single != "a" {
            ok = String(matched) == subtype
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

    private func validationError(_ args: [Value?], _ supplied: [UInt16]) -> JSONataError {
        var goodTo = 0
        for index in params.indices {
            guard let taken = match(supplied, params: index + 1, anchored: false) else {
                return JSONataError.make("T0410", value: goodTo < args.count ? args[goodTo] : nil, index: goodTo + 1)
            }
            goodTo = taken.reduce(0, +)
        }
        return JSONataError.make("T0410", value: goodTo < args.count ? args[goodTo] : nil, index: goodTo + 1)
    }
}
