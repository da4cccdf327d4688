import JSON

/// An error of the Step Functions API: AWS's `__type` and message, rendered as AWS renders it (asl-reference §8):
/// HTTP 400 and `{"__type": "com.amazonaws.swf.service.v2.model#<Code>", "message": "…"}`.
///
/// The service layer throws it for both APIs; the REST jobs API maps its `code` to its own status.
public struct APIError: HTTPResponseError, Equatable, CustomStringConvertible {
    /// The full `__type`, namespace included.
    public let type: String
    public let message: String
    public let status: HTTPStatus
    /// Members some errors add to the body: `reason` (ValidationException), `resourceName` (ResourceNotFound).
    public var members: JSONObject = [:]

    public init(type: String, message: String, status: HTTPStatus = .badRequest) {
        self.type = type
        self.message = message
        self.status = status
    }

    /// The code clients see: the text after `#` (`StateMachineDoesNotExist`).
    public var code: String { type.split(separator: "#").last.map(String.init) ?? type }

    public var description: String { "\(code): \(message)" }

    public var httpResponse: HTTPResponse {
        var body: JSONObject = ["__type": .string(type), "message": .string(message)]
        for (key, value) in members { body[key] = value }
        return .json(.object(body), status: status, contentType: AWSJSON.contentType)
    }
}

extension APIError {
    static let serviceNamespace = "com.amazonaws.swf.service.v2.model"

    /// One of the Step Functions service's own errors (`InvalidArn`, `ExecutionDoesNotExist`, …).
    static func service(_ code: String, _ message: String) -> APIError {
        APIError(type: "\(serviceNamespace)#\(code)", message: message)
    }

    /// A request member that breaks its shape's constraints, in coral's words.
    static func validation(_ message: String) -> APIError {
        APIError(type: "com.amazon.coral.validate#ValidationException", message: "1 validation error detected: \(message)")
    }

    /// A body that is not JSON, or a member of the wrong JSON type.
    static func serialization(_ message: String) -> APIError {
        APIError(type: "com.amazon.coral.service#SerializationException", message: message)
    }

    /// A target that is not a Step Functions action (or one Stepwise does not serve yet).
    static func unknownOperation(_ message: String) -> APIError {
        APIError(type: "com.amazon.coral.service#UnknownOperationException", message: message)
    }

    /// A failure that is ours, not the client's: a 500 that says nothing about its cause.
    static let internalFailure = APIError(
        type: "com.amazon.coral.service#InternalFailure", message: "An internal error occurred", status: .internalServerError)

    /// The database cannot record a new execution right now (a full disk): a 503, which AWS SDKs retry.
    static let serviceUnavailable = APIError(
        type: "com.amazon.coral.availability#ServiceUnavailableException",
        message: "The execution cannot be recorded: the service's database cannot be written at the moment. Retry later.",
        status: .serviceUnavailable)

    static func stateMachineDoesNotExist(_ arn: String) -> APIError {
        service("StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn)'")
    }

    static func executionDoesNotExist(_ arn: String) -> APIError {
        service("ExecutionDoesNotExist", "Execution Does Not Exist: '\(arn)'")
    }

    static func invalidName(_ name: String) -> APIError { service("InvalidName", "Invalid Name: '\(name)'") }

    /// ResourceNotFound naming the resource (a Map Run, say), with AWS's `resourceName` member.
    static func resourceNotFound(_ arn: String) -> APIError {
        var error = service("ResourceNotFound", "Resource not found: '\(arn)'")
        error.members["resourceName"] = .string(arn)
        return error
    }

    /// A ValidationException of the service itself (not a shape constraint), with AWS's `reason` member.
    static func validation(_ message: String, reason: String) -> APIError {
        var error = service("ValidationException", message)
        error.members["reason"] = .string(reason)
        return error
    }

    static func invalidArn(_ reason: String) -> APIError { service("InvalidArn", "Invalid Arn: '\(reason)'") }

    static let invalidToken = service("InvalidToken", "Invalid Token: 'Invalid token'")

    static let typeNotSupported = service(
        "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine")
}

/// The wire constants of the AWS JSON 1.0 protocol.
public enum AWSJSON {
    public static let contentType = "application/x-amz-json-1.0"
    /// `X-Amz-Target` is `AWSStepFunctions.<Action>`.
    public static let targetPrefix = "AWSStepFunctions."
}
