extension ExpressionParser {
    /// Compiles a ProjectionExpression: comma-separated document paths.
    static func projection(_ text: String) throws -> Compiled<[DocumentPath]> {
        var parser = try ExpressionParser(text, kind: "ProjectionExpression")
        var paths = [try parser.parsePath()]
        while parser.accept(",") { paths.append(try parser.parsePath()) }
        try parser.expectEnd()
        return parser.compiled(paths)
    }
}
