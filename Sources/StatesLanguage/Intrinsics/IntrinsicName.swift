/// The 18 intrinsic functions of JSONPath states (asl-reference §4), with how many arguments each takes.
enum IntrinsicName: String, Sendable, Hashable, CaseIterable {
    case format = "States.Format"
    case stringToJson = "States.StringToJson"
    case jsonToString = "States.JsonToString"
    case array = "States.Array"
    case arrayPartition = "States.ArrayPartition"
    case arrayContains = "States.ArrayContains"
    case arrayRange = "States.ArrayRange"
    case arrayGetItem = "States.ArrayGetItem"
    case arrayLength = "States.ArrayLength"
    case arrayUnique = "States.ArrayUnique"
    case base64Encode = "States.Base64Encode"
    case base64Decode = "States.Base64Decode"
    case hash = "States.Hash"
    case jsonMerge = "States.JsonMerge"
    case mathRandom = "States.MathRandom"
    case mathAdd = "States.MathAdd"
    case stringSplit = "States.StringSplit"
    case uuid = "States.UUID"

    /// The accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .format: 1...Int.max
        case .array: 0...Int.max
        case .uuid: 0...0
        case .stringToJson, .jsonToString, .arrayLength, .arrayUnique, .base64Encode, .base64Decode: 1...1
        case .arrayPartition, .arrayContains, .arrayGetItem, .hash, .mathAdd, .stringSplit: 2...2
        case .arrayRange, .jsonMerge: 3...3
        case .mathRandom: 2...3
        }
    }

    /// The JSON type a literal argument at `position` must have, when the function fixes one.
    func literalType(at position: Int) -> LiteralType? {
        switch (self, position) {
        case (.format, 0), (.stringToJson, 0), (.base64Encode, 0), (.base64Decode, 0), (.hash, 1), (.stringSplit, _):
            .string
        case (.arrayPartition, 1), (.arrayRange, _), (.arrayGetItem, 1), (.mathRandom, _), (.mathAdd, _): .number
        case (.jsonMerge, 2): .boolean
        case (.arrayPartition, 0), (.arrayContains, 0), (.arrayGetItem, 0), (.arrayLength, 0), (.arrayUnique, 0),
            (.jsonMerge, 0), (.jsonMerge, 1):
            .neverLiteral
        default: nil
        }
    }

    enum LiteralType: String {
        case string, number, boolean
        /// Arrays and objects cannot be written as literals: only a path or a call can supply them.
        case neverLiteral = "path or intrinsic function"
    }
}
