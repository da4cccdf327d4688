/// The pattern of a `StringMatches` rule (asl-reference §3.1): `*` matches any run of characters (including
/// none), `\*` is a literal star and `\\` a literal backslash; nothing else is special.
struct StringPattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case wildcard
    }

    let tokens: [Token]

    /// Nil when the pattern ends in a lone backslash.
    init?(_ pattern: String) {
        var tokens: [Token] = []
        var iterator = pattern.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "*": tokens.append(.wildcard)
            case "\\":
                guard let escaped = iterator.next() else { return nil }
                tokens.append(.literal(escaped))
            default: tokens.append(.literal(scalar))
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole text matches. Greedy two-pointer matching: on a mismatch, backtrack to the last
    /// wildcard and let it swallow one more character — O(text × pattern) at worst, no recursion.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var textIndex = 0
        var tokenIndex = 0
        var lastWildcard: (token: Int, text: Int)?
        while textIndex < scalars.count {
            if tokenIndex < tokens.count, case .literal(let scalar) = tokens[tokenIndex], scalar == scalars[textIndex] {
                textIndex += 1
                tokenIndex += 1
            } else if tokenIndex < tokens.count, tokens[tokenIndex] == .wildcard {
                lastWildcard = (tokenIndex, textIndex)
                tokenIndex += 1
            } else if let wildcard = lastWildcard {
                lastWildcard = (wildcard.token, wildcard.text + 1)
                tokenIndex = wildcard.token + 1
                textIndex = wildcard.text + 1
            } else {
                return false
            }
        }
        return tokens[tokenIndex...].allSatisfy { $0 == .wildcard }
    }
}
