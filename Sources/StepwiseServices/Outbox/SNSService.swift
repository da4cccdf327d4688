import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::sns:publish` (optimized) and `arn:aws:states:::aws-sdk:sns:publish`: the message is checked as
/// SNS checks it and recorded in the ``Outbox`` instead of being delivered. Any well-formed topic or endpoint ARN
/// is accepted (topics are not created locally).
package struct SNSService: LocalService {
    package let name = "sns"
    let outbox: Outbox

    package init(outbox: Outbox) { self.outbox = outbox }

    package func supports(_ action: String, sdk: Bool) -> Bool { action == "publish" }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try publish(input, sdk: sdk, context: context)
    }

    /// Publish to exactly one of TopicArn, TargetArn and PhoneNumber. The optimized integration takes any JSON as
    /// Message (an object is sent as its JSON text); the SDK integration needs a string.
    func publish(_ input: JSON, sdk: Bool, context: TaskContext?) throws -> JSON {
        let request = ServiceRequest(input: input, validationError: "SNS.InvalidParameterException")
        let targets = try ["TopicArn", "TargetArn", "PhoneNumber"].filter { try request.string($0) != nil }
        guard let target = targets.first else {
            throw request.invalid("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter")
        }
        guard targets.count == 1 else {
            throw request.invalid("Invalid parameter: \(targets[1]) Reason: only one of TopicArn, TargetArn or PhoneNumber may be given")
        }
        let address = try request.required(target)
        if target != "PhoneNumber" {
            let parts = address.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 6, parts[0] == "arn", parts[2] == "sns", !parts[5].isEmpty else {
                throw request.invalid("Invalid parameter: \(target)")
            }
        } else if !address.hasPrefix("+") || address.dropFirst().isEmpty || !address.dropFirst().allSatisfy(\.isNumber) {
            throw request.invalid("Invalid parameter: PhoneNumber Reason: \(address) is not valid to publish to")
        }
        let message: String
        switch request["Message"] {
        case .string(let text)?: message = text
        case let value? where !sdk && !value.isNull: message = value.serialized()
        case let value? where !value.isNull: throw request.invalid("Invalid parameter: Message Reason: must be a string, not \(value.typeName)")
        default: message = ""
        }
        guard !message.isEmpty else { throw request.invalid("Invalid parameter: Empty message") }
        if let subject = try request.string("Subject"), subject.isEmpty || subject.count > 100 {
            throw request.invalid("Invalid parameter: Subject")
        }
        if let attributes = request["MessageAttributes"], !attributes.isNull {
            guard let object = attributes.objectValue else { throw request.invalid("Invalid parameter: MessageAttributes Reason: must be a map") }
            for (key, value) in object where (value["DataType"]?.stringValue ?? "").isEmpty {
                throw request.invalid(
                    "Invalid parameter: MessageAttributes Reason: The message attribute '\(key)' must contain non-empty message attribute type.")
            }
        }
        if address.hasSuffix(".fifo"), try request.string("MessageGroupId") == nil {
            throw request.invalid("Invalid parameter: The MessageGroupId parameter is required for FIFO topics")
        }
        var recorded = input.objectValue ?? JSONObject()
        recorded["Message"] = .string(message)
        let id = try outbox.record("sns", "publish", request: .object(recorded), context: context)
        return ["MessageId": .string(id)]
    }
}
