/// The function library: every built-in of JSONata 2.0.6, by name.
enum Builtins {
    static let table: [String: NativeFunction] = {
        var table: [String: NativeFunction] = [:]
        for function in stringFunctions + numericFunctions + aggregateFunctions + collectionFunctions + higherOrderFunctions
            + miscFunctions + dateTimeFunctions
        {
            table[function.name] = function
        }
        return table
    }()

    static let transformSignature: Signature? = try? Signature("<(oa):o>")

    /// Every built-in as a function value, made once for all evaluations.
    ///
    /// `nonisolated(unsafe)`: written once by the lazy initialiser; a native `JFunction` is immutable (its kind is
    /// a `let` holding a `Sendable` `NativeFunction`), so evaluations on any thread only read these values.
    nonisolated(unsafe) static let values: [String: Value] = table.mapValues { .function(JFunction(.native($0))) }
}

/// The functions one evaluation sees: the built-ins less the removed ones, plus the host's.
final class Library {
    let host: [String: JSONataFunction]
    let removed: Set<String>
    private var cache: [String: Value] = [:]

    init(host: [String: JSONataFunction], removed: Set<String>) {
        self.host = host
        self.removed = removed
    }

    func lookup(_ name: String) -> Value? {
        if host.isEmpty || host[name] == nil {
            if !removed.isEmpty, removed.contains(name) { return nil }
            return Builtins.values[name]
        }
        if let cached = cache[name] { return cached }
        let value = Value.function(JFunction(.host(name, host[name]!)))
        cache[name] = value
        return value
    }
}

/// Typed access to validated arguments (missing ones read as undefined).
extension Array where Element == Value? {
    func at(_ index: Int) -> Value? { index < count ? self[index] : nil }
    func string(_ index: Int) -> String? { at(index)?.stringValue }
    func number(_ index: Int) -> Double? { at(index)?.numberValue }
    func array(_ index: Int) -> JArray? { at(index)?.arrayValue }
    func function(_ index: Int) -> JFunction? { at(index)?.functionValue }
}
