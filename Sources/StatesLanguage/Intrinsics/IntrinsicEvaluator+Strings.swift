import Digests
import JSON

/// States.Format, States.StringSplit, States.Base64Encode/Decode and States.Hash (asl-reference §4).
extension IntrinsicEvaluator {
    /// AWS's limit on the input of the encoding and hashing functions, in (UTF-16) characters.
    static var maxEncodedInput: Int { 10_000 }

    /// A literal template is parsed as written, so `\{` stays a brace; a template from data is parsed as is.
    static func format(_ arguments: IntrinsicArguments, template argument: IntrinsicArgument?) throws(StatesError) -> JSON {
        let raw: String
        if case .string(_, let written)? = argument { raw = written } else { raw = try arguments.string(0) }
        guard let template = FormatTemplate(raw), template.placeholderCount == arguments.count - 1 else {
            throw arguments.invalid()
        }
        return .string(template.render(arguments.values.dropFirst()))
    }

    /// Every character of the second string separates; empty pieces are dropped (Java's StringTokenizer).
    static func stringSplit(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let text = try arguments.string(0)
        let separators = Set(try arguments.string(1).unicodeScalars)
        let pieces = text.unicodeScalars.split(omittingEmptySubsequences: true) { separators.contains($0) }
        return .array(pieces.map { .string(String(String.UnicodeScalarView($0))) })
    }

    static func base64Encode(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let text = try arguments.string(0)
        guard text.utf16.count <= maxEncodedInput else { throw arguments.invalid() }
        return .string(Base64.encode(Array(text.utf8)))
    }

    /// The decoded bytes are read as UTF-8 (invalid sequences become U+FFFD, as in Java).
    static func base64Decode(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let text = try arguments.string(0)
        guard text.utf16.count <= maxEncodedInput, let bytes = Base64.decode(text) else { throw arguments.invalid() }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// A string is hashed as is; any other value as its compact JSON text.
    static func hash(_ arguments: IntrinsicArguments) throws(StatesError) -> JSON {
        let name = try arguments.string(1)
        guard let algorithm = Digest.Algorithm(rawValue: name), Digest.Algorithm.aws.contains(algorithm) else {
            throw arguments.invalid()
        }
        let data = arguments.values[0].stringValue ?? arguments.values[0].serialized()
        guard data.utf16.count <= maxEncodedInput else { throw arguments.invalid() }
        return .string(Digest.hexDigest(of: data, algorithm))
    }
}
