import JSON

/// Evaluates a parsed call against the roots: arguments first (left to right, depth first), then the function.
struct IntrinsicEvaluator<Random: RandomNumberGenerator> {
    let roots: PathRoots
    let field: String?
    var random: Random

    mutating func evaluate(_ call: IntrinsicCall) throws(StatesError) -> JSON {
        var values: [JSON] = []
        values.reserveCapacity(call.arguments.count)
        for argument in call.arguments { values.append(try value(of: argument)) }
        let arguments = IntrinsicArguments(name: call.name, values: values)
        switch call.name {
        case .format: return try Self.format(arguments, template: call.arguments.first)
        case .stringToJson: return try Self.stringToJson(arguments)
        case .jsonToString: return .string(values[0].serialized())
        case .jsonMerge: return try Self.jsonMerge(arguments)
        case .array: return .array(values)
        case .arrayPartition: return try Self.arrayPartition(arguments)
        case .arrayContains: return .bool(try arguments.array(0).contains(values[1]))
        case .arrayRange: return try Self.arrayRange(arguments)
        case .arrayGetItem: return try Self.arrayGetItem(arguments)
        case .arrayLength: return .int(try arguments.array(0).count)
        case .arrayUnique: return try Self.arrayUnique(arguments)
        case .base64Encode: return try Self.base64Encode(arguments)
        case .base64Decode: return try Self.base64Decode(arguments)
        case .hash: return try Self.hash(arguments)
        case .mathRandom: return try mathRandom(arguments)
        case .mathAdd: return try Self.mathAdd(arguments)
        case .stringSplit: return try Self.stringSplit(arguments)
        case .uuid: return .string(UUIDv4.string(using: &random))
        }
    }

    private mutating func value(of argument: IntrinsicArgument) throws(StatesError) -> JSON {
        switch argument {
        case .string(let value, _): return .string(value)
        case .literal(let value): return value
        case .call(let call): return try evaluate(call)
        case .path(let path):
            guard let value = path.value(in: roots) else { throw pathNotFound(path) }
            return value
        }
    }

    /// A path argument that matches nothing: States.Runtime, worded as for any template path.
    private func pathNotFound(_ path: JSONPath) -> StatesError {
        let input = roots.input.serialized()
        guard let field else { return .runtime("The JSONPath '\(path.text)' could not be found in the input '\(input)'") }
        return .runtime("The JSONPath '\(path.text)' specified for the field '\(field)' could not be found in the input '\(input)'")
    }
}

/// The evaluated arguments of one call, with typed accessors that fail the way AWS does.
struct IntrinsicArguments {
    let name: IntrinsicName
    let values: [JSON]

    var count: Int { values.count }

    /// `Invalid arguments in States.<Name>`, the cause AWS reports for any bad argument value.
    func invalid() -> StatesError {
        StatesError(IntrinsicFunction.failureName, "Invalid arguments in \(name.rawValue)")
    }

    func string(_ index: Int) throws(StatesError) -> String {
        guard case .string(let value) = values[index] else { throw invalid() }
        return value
    }

    func array(_ index: Int) throws(StatesError) -> [JSON] {
        guard case .array(let value) = values[index] else { throw invalid() }
        return value
    }

    func object(_ index: Int) throws(StatesError) -> JSONObject {
        guard case .object(let value) = values[index] else { throw invalid() }
        return value
    }

    func bool(_ index: Int) throws(StatesError) -> Bool {
        guard case .bool(let value) = values[index] else { throw invalid() }
        return value
    }

    func number(_ index: Int) throws(StatesError) -> Double {
        guard case .number(let value) = values[index], value.doubleValue.isFinite else { throw invalid() }
        return value.doubleValue
    }

    /// A number as Java's `intValue()` takes it: the fraction truncated toward zero (AWS truncates the
    /// arguments of ArrayRange, ArrayPartition, ArrayGetItem and MathRandom).
    func truncatedInt(_ index: Int) throws(StatesError) -> Int {
        guard let value = Int(exactly: try number(index).rounded(.towardZero)), abs(value) <= Int(Int32.max) else {
            throw invalid()
        }
        return value
    }
}
