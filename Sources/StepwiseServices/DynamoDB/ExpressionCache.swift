import Synchronization

/// Compiled expressions by text, shared by every request: each distinct expression string is parsed once.
///
/// Bounded: past `limit` entries the cache starts over, so generated expressions cannot grow it forever.
final class ExpressionCache<Body: Sendable>: Sendable {
    private let entries = Mutex<[String: Compiled<Body>]>([:])
    private let limit: Int
    private let compile: @Sendable (String) throws -> Compiled<Body>

    init(limit: Int = 4096, compile: @escaping @Sendable (String) throws -> Compiled<Body>) {
        self.limit = limit
        self.compile = compile
    }

    /// The compiled form of `text`; syntax errors are thrown every time and never cached.
    func compiled(_ text: String) throws -> Compiled<Body> {
        if let hit = entries.withLock({ $0[text] }) { return hit }
        let compiled = try compile(text)
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[text] = compiled
        }
        return compiled
    }
}

/// The caches of each expression kind (the kind is part of the error messages, so each has its own).
enum Expressions {
    static let condition = ExpressionCache { try ExpressionParser.condition($0, kind: "ConditionExpression") }
    static let filter = ExpressionCache { try ExpressionParser.condition($0, kind: "FilterExpression") }
    static let keyCondition = ExpressionCache { try ExpressionParser.condition($0, kind: "KeyConditionExpression") }
    static let update = ExpressionCache { try ExpressionParser.update($0) }
    static let projection = ExpressionCache { try ExpressionParser.projection($0) }
}
