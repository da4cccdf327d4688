/// One token of DynamoDB's expression languages (condition, update, key condition, projection).
struct ExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// An attribute name or keyword (`status`, `AND`, `SET`, `begins_with`).
        case identifier
        /// `#name`: an ExpressionAttributeNames placeholder.
        case namePlaceholder
        /// `:value`: an ExpressionAttributeValues placeholder.
        case valuePlaceholder
        /// An unsigned integer (list indexes).
        case integer
        /// `( ) [ ] , . = <> < <= > >= + -`.
        case symbol
        case end
    }

    let kind: Kind
    let text: String
    /// Offset of the token in the expression (in characters), for syntax error messages.
    let start: Int
    let end: Int

    /// Whether this is the keyword `word` (keywords are case-insensitive).
    func isKeyword(_ word: String) -> Bool { kind == .identifier && text.uppercased() == word }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
}
