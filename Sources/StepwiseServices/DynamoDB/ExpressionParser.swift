/// A recursive-descent parser for DynamoDB's expression languages; see the `+Condition`, `+Update` and
/// `+Operand` extensions for each grammar.
///
/// It records every `#name` and `:value` placeholder it meets, so a request can be checked for undefined and
/// unused ones, and reports syntax errors with DynamoDB's wording (`token: "…", near: "…"`).
struct ExpressionParser {
    let kind: String
    private let source: [Character]
    private let tokens: [ExpressionToken]
    private(set) var position = 0
    private(set) var names: Set<String> = []
    private(set) var values: Set<String> = []

    /// - Parameter kind: the request member, for messages (`ConditionExpression`, `UpdateExpression`, …).
    init(_ text: String, kind: String) throws {
        self.kind = kind
        source = Array(text)
        tokens = try ExpressionLexer.tokens(text, kind: kind)
        guard tokens.count > 1 else {
            throw DynamoError.validation("Invalid \(kind): The expression can not be empty;")
        }
    }

    var current: ExpressionToken { tokens[position] }

    var upcoming: ExpressionToken { tokens[min(position + 1, tokens.count - 1)] }

    var atEnd: Bool { current.kind == .end }

    mutating func advance() -> ExpressionToken {
        defer { position = min(position + 1, tokens.count - 1) }
        return current
    }

    /// Consumes `symbol` or fails with a syntax error at the current token.
    mutating func expect(_ symbol: String) throws {
        guard current.isSymbol(symbol) else { throw syntaxError() }
        _ = advance()
    }

    /// Consumes `symbol` when it is next; answers whether it was.
    mutating func accept(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        guard current.isKeyword(word) else { return false }
        _ = advance()
        return true
    }

    /// Fails unless every token was consumed.
    func expectEnd() throws {
        guard atEnd else { throw syntaxError() }
    }

    mutating func noteName(_ placeholder: String) { names.insert(placeholder) }

    mutating func noteValue(_ placeholder: String) { values.insert(placeholder) }

    /// DynamoDB's syntax error: the offending token and the text around it.
    func syntaxError() -> any Error {
        let previous = position > 0 ? tokens[position - 1].start : current.start
        let next = tokens[min(position + 1, tokens.count - 1)].end
        let near = String(source[previous..<max(previous, min(next, source.count))])
        return DynamoError.validation("Invalid \(kind): Syntax error; token: \"\(current.text)\", near: \"\(near)\"")
    }

    /// An error about the expression's meaning (`Invalid <kind>: <message>`).
    func invalid(_ message: String) -> any Error {
        DynamoError.validation("Invalid \(kind): \(message)")
    }

    /// Wraps a parse result with the placeholders met.
    func compiled<Body>(_ body: Body) -> Compiled<Body> {
        Compiled(body: body, names: names, values: values)
    }
}
