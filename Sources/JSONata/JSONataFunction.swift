import JSON

/// A function the host adds to the library, e.g. AWS's `$partition`, `$uuid`, `$hash`.
public struct JSONataFunction: Sendable {
    public typealias Body = @Sendable ([JSON?]) throws(JSONataError) -> JSON?
    let signature: Signature?
    let arity: Int
    let body: Body

    /// - Parameters:
    ///   - signature: a JSONata signature such as `<n-n:n>`, checked before `body` runs (T0410 and friends); nil for none.
    ///   - body: receives the validated arguments (nil = undefined) and returns the result (nil = undefined).
    public init(signature: String?, _ body: @escaping Body) throws(JSONataError) {
        self.signature = try signature.map { text throws(JSONataError) in try Signature(text) }
        self.arity = self.signature?.params.count ?? 1
        self.body = body
    }
}
