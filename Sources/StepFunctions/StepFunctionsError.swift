/// An error of the Step Functions API as AWS names it: the error's name (`StateMachineDoesNotExist`) and its
/// message, with the members some errors add (asl-reference §8). It knows nothing of HTTP: the server renders it
/// (`__type`, status), the CLI prints it.
///
/// The service layer throws it for every mistake of its caller; any other error it throws is an internal failure.
package struct StepFunctionsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Who defines the error.
    package enum Kind: Sendable {
        /// An error of the Step Functions service's own model (`InvalidArn`, `ExecutionDoesNotExist`, …).
        case service
        /// An error every AWS service answers alike, before or around its own rules: a member that breaks its
        /// shape's constraints (`ValidationException`), a body that cannot be read, an unknown action, a failure
        /// of ours (`InternalFailure`), a service that cannot answer now (`ServiceUnavailableException`).
        case common
    }

    package let kind: Kind
    /// AWS's name for the error, as clients match it.
    package let name: String
    package let message: String
    /// Why a service ValidationException was raised (`MISSING_REQUIRED_PARAMETER`, …): AWS's `reason` member.
    package var reason: String?
    /// The resource a ResourceNotFound names: AWS's `resourceName` member.
    package var resourceName: String?

    package init(_ kind: Kind, _ name: String, _ message: String) {
        self.kind = kind
        self.name = name
        self.message = message
    }

    package var description: String { "\(name): \(message)" }
}

extension StepFunctionsError {
    /// One of the Step Functions service's own errors.
    package static func service(_ name: String, _ message: String) -> StepFunctionsError {
        StepFunctionsError(.service, name, message)
    }

    /// A request member that breaks its shape's constraints, in coral's words.
    package static func validation(_ message: String) -> StepFunctionsError {
        StepFunctionsError(.common, "ValidationException", "1 validation error detected: \(message)")
    }

    /// A ValidationException of the service itself (not a shape constraint), with AWS's `reason` member.
    package static func validation(_ message: String, reason: String) -> StepFunctionsError {
        var error = service("ValidationException", message)
        error.reason = reason
        return error
    }

    /// A failure that is ours, not the caller's: it says nothing about its cause.
    package static let internalFailure = StepFunctionsError(.common, "InternalFailure", "An internal error occurred")

    /// The database cannot record a new execution right now (a full disk); AWS SDKs retry it.
    package static let serviceUnavailable = StepFunctionsError(
        .common, "ServiceUnavailableException",
        "The execution cannot be recorded: the service's database cannot be written at the moment. Retry later.")

    package static func stateMachineDoesNotExist(_ arn: String) -> StepFunctionsError {
        service("StateMachineDoesNotExist", "State Machine Does Not Exist: '\(arn)'")
    }

    package static func executionDoesNotExist(_ arn: String) -> StepFunctionsError {
        service("ExecutionDoesNotExist", "Execution Does Not Exist: '\(arn)'")
    }

    /// ExecutionNotRedrivable, with the reason (RedriveExecution).
    package static func notRedrivable(_ reason: String) -> StepFunctionsError { service("ExecutionNotRedrivable", reason) }

    package static func invalidName(_ name: String) -> StepFunctionsError { service("InvalidName", "Invalid Name: '\(name)'") }

    /// ResourceNotFound naming the resource (a Map Run, say), with AWS's `resourceName` member.
    static func resourceNotFound(_ arn: String) -> StepFunctionsError {
        var error = service("ResourceNotFound", "Resource not found: '\(arn)'")
        error.resourceName = arn
        return error
    }

    /// ResourceNotFound for a version or alias, in AWS's recorded words, with the `resourceName` member.
    static func noSuchResource(_ arn: String) -> StepFunctionsError {
        var error = service("ResourceNotFound", "Request references a resource that does not exist.")
        error.resourceName = arn
        return error
    }

    /// A service ValidationException without a `reason` (AWS's own sentences, not coral's constraint form).
    static func invalid(_ message: String) -> StepFunctionsError { service("ValidationException", message) }

    static func invalidArn(_ reason: String) -> StepFunctionsError { service("InvalidArn", "Invalid Arn: '\(reason)'") }

    static let invalidToken = service("InvalidToken", "Invalid Token: 'Invalid token'")

    static let typeNotSupported = service(
        "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine")
}
