/// Predicates: boolean filters and numeric (index) selection, over plain and tuple sequences.
extension Evaluator {
    func evaluateFilter(_ predicate: Node, _ input: Value?, _ env: Environment) throws(JSONataError) -> JArray {
        // The items filtered; an undefined input is one undefined item (the predicate still runs once).
        let items: [Value]
        var isTuples = false
        if case .array(let a) = input {
            items = a.items
            isTuples = a.tupleStream
        } else {
            items = input.map { [$0] } ?? []
        }
        let count = input == nil ? 1 : items.count
        let results = JArray.sequence()
        results.tupleStream = isTuples
        if predicate.type == .number, case .number(let n) = predicate.literal {
            var index = n.rounded(.down)
            if index < 0 { index += Double(count) }
            guard index >= 0, index < Double(count), input != nil else { return results }
            let item = items[Int(index)]
            if case .array(let a) = item { return a }
            results.items.append(item)
            return results
        }
        var selected: [Value] = []
        for index in 0..<count {
            let item = input == nil ? nil : items[index]
            var context = item
            var frame = env
            if isTuples, let tuple = item?.objectValue {
                context = tuple["@"]
                frame = Environment.from(tuple: tuple, parent: env)
            }
            let res = try evaluate(predicate, context, frame)
            if case .bool(let keep)? = res {
                if keep, let item { selected.append(item) }
            } else if let numbers = try Self.numbers(res) {
                for number in numbers {
                    var ii = number.rounded(.down)
                    if ii < 0 { ii += Double(count) }
                    if ii == Double(index), let item { selected.append(item) }
                }
            } else if Functions.boolean(res) == true, let item {
                selected.append(item)
            }
        }
        results.items = selected
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
