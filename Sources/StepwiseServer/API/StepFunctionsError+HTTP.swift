import JSON
import StepFunctions

/// A Step Functions error as AWS JSON 1.0 renders it (asl-reference §8): a status, and
/// `{"__type": "<namespace>#<Name>", "message": "…"}` with the members some errors add.
extension StepFunctionsError: HTTPResponseError {
    /// The full `__type`: the service's own namespace for its errors, coral's for the errors every service shares.
    package var type: String {
        switch kind {
        case .service: "com.amazonaws.swf.service.v2.model#\(name)"
        case .common:
            switch name {
            case "ValidationException": "com.amazon.coral.validate#\(name)"
            case "ServiceUnavailableException": "com.amazon.coral.availability#\(name)"
            default: "com.amazon.coral.service#\(name)"
            }
        }
    }

    /// 400 for the client's mistakes, but 409 and 402 where AWS documents them (a conflict, a quota); 500 for ours;
    /// 503, which AWS SDKs retry, when the service cannot record.
    package var status: HTTPStatus {
        switch (kind, name) {
        case (.common, "InternalFailure"): .internalServerError
        case (.common, "ServiceUnavailableException"): .serviceUnavailable
        case (.service, "ConflictException"): .conflict
        case (.service, "ServiceQuotaExceededException"): .paymentRequired
        default: .badRequest
        }
    }

    package var httpResponse: HTTPResponse {
        var body: JSONObject = ["__type": .string(type), "message": .string(message)]
        if let reason { body["reason"] = .string(reason) }
        if let resourceName { body["resourceName"] = .string(resourceName) }
        return .json(.object(body), status: status, contentType: AWSJSON.contentType)
    }

    /// A body that is not JSON, or a member of the wrong JSON type.
    static func serialization(_ message: String) -> StepFunctionsError {
        StepFunctionsError(.common, "SerializationException", message)
    }

    /// A target that is not a Step Functions action (or one Stepwise does not serve yet).
    static func unknownOperation(_ message: String) -> StepFunctionsError {
        StepFunctionsError(.common, "UnknownOperationException", message)
    }
}

/// The wire constants of the AWS JSON 1.0 protocol.
enum AWSJSON {
    package static let contentType = "application/x-amz-json-1.0"
    /// `X-Amz-Target` is `AWSStepFunctions.<Action>`.
    static let targetPrefix = "AWSStepFunctions."
}
