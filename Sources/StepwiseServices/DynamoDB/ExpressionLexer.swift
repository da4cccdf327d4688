/// Splits an expression into tokens; unknown characters are reported as DynamoDB reports them.
struct ExpressionLexer {
    private let characters: [Character]
    private let kind: String
    private var position = 0

    /// - Parameter kind: the request member, for messages (`ConditionExpression`, `UpdateExpression`, …).
    init(_ text: String, kind: String) {
        characters = Array(text)
        self.kind = kind
    }

    /// All tokens, ending with an `.end` token.
    static func tokens(_ text: String, kind: String) throws -> [ExpressionToken] {
        var lexer = ExpressionLexer(text, kind: kind)
        var tokens: [ExpressionToken] = []
        repeat { tokens.append(try lexer.next()) } while tokens.last?.kind != .end
        return tokens
    }

    private mutating func next() throws -> ExpressionToken {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard position < characters.count else { return ExpressionToken(kind: .end, text: "<EOF>", start: start, end: start) }
        let character = characters[position]
        if character == "#" || character == ":" {
            position += 1
            scanWord()
            guard position > start + 1 else { throw invalidCharacter(character) }
            return token(character == "#" ? .namePlaceholder : .valuePlaceholder, from: start)
        }
        if Self.isWordStart(character) {
            scanWord()
            return token(.identifier, from: start)
        }
        if character.isASCII, character.isNumber {
            while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
            return token(.integer, from: start)
        }
        return try symbol(from: start)
    }

    private mutating func symbol(from start: Int) throws -> ExpressionToken {
        let character = characters[position]
        let following = position + 1 < characters.count ? characters[position + 1] : nil
        position += 1
        switch character {
        case "(", ")", "[", "]", ",", ".", "=", "+", "-": break
        case "<" where following == "=" || following == ">": position += 1
        case ">" where following == "=": position += 1
        case "<", ">": break
        default: throw invalidCharacter(character)
        }
        return token(.symbol, from: start)
    }

    private mutating func scanWord() {
        while position < characters.count, Self.isWordPart(characters[position]) { position += 1 }
    }

    private func token(_ kind: ExpressionToken.Kind, from start: Int) -> ExpressionToken {
        ExpressionToken(kind: kind, text: String(characters[start..<position]), start: start, end: position)
    }

    private func invalidCharacter(_ character: Character) -> any Error {
        DynamoError.validation("Invalid \(kind): Syntax error; token: \"\(character)\", near: \"\(near())\"")
    }

    private func near() -> String {
        String(characters[max(0, position - 2)..<min(characters.count, position + 2)])
    }

    static func isWordStart(_ character: Character) -> Bool { character == "_" || (character.isASCII && character.isLetter) }

    static func isWordPart(_ character: Character) -> Bool { isWordStart(character) || (character.isASCII && character.isNumber) }
}
