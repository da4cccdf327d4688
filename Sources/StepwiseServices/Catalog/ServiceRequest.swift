import Foundation
import JSON
import Stepwise

/// A Task's request to a local service: its members read by Step Functions' PascalCase names only, with missing or
/// mistyped members reported as the service's validation error.
///
/// An SDK integration hands Step Functions' PascalCase form of the botocore members to the SDK; a member in any
/// other spelling (`bucket`, `stringValue`) is not a member there, so it is ignored here too and the request fails
/// as the service fails a request without it.
struct ServiceRequest {
    let input: JSON
    /// The error name for an invalid request, e.g. `Glue.InvalidInputException`.
    let validationError: String

    /// The member `name` (`Bucket`).
    subscript(name: String) -> JSON? { input[name] }

    /// Whether the request spells `name` in camelCase (`bucket` for `Bucket`), for messages that say why a member
    /// counts as missing.
    func hasCamelCase(_ name: String) -> Bool { input[name.prefix(1).lowercased() + name.dropFirst()] != nil }

    /// An optional string member.
    func string(_ name: String) throws -> String? {
        guard let value = self[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw invalid("\(name) must be a string, not \(value.typeName)") }
        return text
    }

    /// A required string member.
    func required(_ name: String) throws -> String {
        guard let text = try string(name) else { throw invalid("Missing required parameter: \(name)") }
        return text
    }

    /// An optional integer member.
    func int(_ name: String) throws -> Int? {
        guard let value = self[name], !value.isNull else { return nil }
        guard let int = value.intValue else { throw invalid("\(name) must be an integer") }
        return int
    }

    /// An optional boolean member.
    func bool(_ name: String) throws -> Bool? {
        guard let value = self[name], !value.isNull else { return nil }
        guard let bool = value.boolValue else { throw invalid("\(name) must be a boolean") }
        return bool
    }

    /// An optional array member.
    func array(_ name: String) throws -> [JSON]? {
        guard let value = self[name], !value.isNull else { return nil }
        guard let array = value.arrayValue else { throw invalid("\(name) must be an array") }
        return array
    }

    /// The validation error with `message`.
    func invalid(_ message: String) -> StatesError { StatesError(validationError, message) }
}

/// Small helpers the local services share.
enum ServiceSupport {
    /// A timestamp as Step Functions renders SDK timestamps: ISO 8601, UTC.
    static func timestamp(_ date: Date) -> JSON {
        .string(
            date.formatted(
                .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false)
                    .timeSeparator(.colon).timeZone(separator: .omitted)))
    }

    /// The region and account of the execution running a Task (from its ARN), for the ARNs a service returns.
    static func regionAndAccount(_ context: TaskContext?) -> (region: String, account: String) {
        let parts = (context?.executionArn ?? "").split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 4, !parts[3].isEmpty, !parts[4].isEmpty else { return ("us-east-1", "123456789012") }
        return (String(parts[3]), String(parts[4]))
    }

    /// Every object key of `json` with its first letter in upper case: AWS's shapes as Step Functions returns them
    /// (`buildStatus` → `BuildStatus`). Only for shapes without maps of user keys, whose names would change.
    static func pascalCase(_ json: JSON) -> JSON {
        switch json {
        case .object(let object):
            .object(JSONObject(object.map { (key, value) in (key.prefix(1).uppercased() + key.dropFirst(), pascalCase(value)) }))
        case .array(let items): .array(items.map(pascalCase))
        default: json
        }
    }

    /// A JSON object from pairs, leaving out the nil values (AWS omits absent members).
    static func object(_ pairs: KeyValuePairs<String, JSON?>) -> JSON {
        .object(JSONObject(pairs.compactMap { key, value in value.map { (key, $0) } }))
    }
}
