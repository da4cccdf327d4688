/// Predicates: boolean filters and numeric (index) selection, over plain and tuple sequences.
extension Evaluator {
    func evaluateFilter(_ predicate: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> JArray {
        let results = JArray.sequence()
        var items: [Value?] = [input]
        var isTuples = false
        if case .array(let a) = input {
            items = a.items.map { $0 }
            isTuples = a.tupleStream
        }
        results.tupleStream = isTuples
        if predicate.type == .number, case .number(let n) = predicate.literal {
            var index = n.rounded(.down)
            if index < 0 { index += Double(items.count) }
            guard index >= 0, index < Double(items.count), let item = items[Int(index)] else { return results }
            if case .array(let a) = item { return a }
            results.items.append(item)
            return results
        }
        for (index, item) in items.enumerated() {
            var context = item
            var frame = env
            if isTuples, let tuple = item?.objectValue {
                context = tuple["@"]
                frame = Environment.from(tuple: tuple, parent: env)
            }
            let res = try evaluate(predicate, context, frame)
            if let numbers = try Self.numbers(res) {
                for number in numbers {
                    var ii = number.rounded(.down)
                    if ii < 0 { ii += Double(items.count) }
                    if ii == Double(index), let item { results.items.append(item) }
                }
            } else if Functions.boolean(res) == true, let item {
                results.items.append(item)
            }
        }
        return results
    }

    /// The numbers of a numeric predicate result (a number, or an array of only numbers), else nil.
    static func numbers(_ value: Value?) throws(JSONataError) -> [Double]? {
        switch value {
        case .number(let n)?:
            return try isNumeric(n) ? [n] : nil
        case .array(let a)?:
            var out: [Double] = []
            for item in a.items {
                guard case .number(let n) = item, try isNumeric(n) else { return nil }
                out.append(n)
            }
            return out
        default:
            return nil
        }
    }

    /// jsonata-js `isNumeric`: a number that is not NaN; infinities are out of range (D1001).
    static func isNumeric(_ n: Double) throws(JSONataError) -> Bool {
        if n.isNaN { return false }
        if n.isInfinite { throw JSONataError.make("D1001", value: .number(n)) }
        return true
    }
}
