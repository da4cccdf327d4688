import Stepwise

/// AWS's DynamoDB errors as the task errors Step Functions reports: `DynamoDB.<Exception>` with AWS's message, the
/// exception named as the Java SDK v2 that Step Functions uses names it (botocore's `InternalServerError` and
/// `RequestLimitExceeded` shapes are `InternalServerErrorException` and `RequestLimitExceededException` there).
enum DynamoError {
    static func validation(_ message: String) -> StatesError {
        StatesError("DynamoDB.ValidationException", message)
    }

    /// A ValidationException with AWS's "One or more parameter values were invalid: " prefix.
    static func invalidParameter(_ message: String) -> StatesError {
        validation("One or more parameter values were invalid: \(message)")
    }

    static let conditionalCheckFailed = StatesError(
        "DynamoDB.ConditionalCheckFailedException", "The conditional request failed")

    static let resourceNotFound = StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found")

    /// DescribeTable's and DeleteTable's wording.
    static func tableNotFound(_ table: String) -> StatesError {
        StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found: Table: \(table) not found")
    }

    static func tableInUse(_ table: String) -> StatesError {
        StatesError("DynamoDB.ResourceInUseException", "Table already exists: \(table)")
    }

    static func internalFailure(_ error: any Error) -> StatesError {
        StatesError("DynamoDB.InternalServerErrorException", "Internal server error: \(error)")
    }

    /// The message of a request that exceeds a member's limit or misses a required member.
    static func missingMember(_ member: String) -> StatesError {
        validation(
            "1 validation error detected: Value null at '\(member.prefix(1).lowercased() + member.dropFirst())' "
                + "failed to satisfy constraint: Member must not be null")
    }

    /// TransactWriteItems and TransactGetItems with two actions on one item.
    static let multipleOperationsOnOneItem = validation("Transaction request cannot include multiple operations on one item")

    /// A ClientRequestToken used again (within its 10 minutes) with another request.
    static let idempotentParameterMismatch = StatesError(
        "DynamoDB.IdempotentParameterMismatchException",
        "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used."
    )

    static let numberFormat = validation("A value provided cannot be converted into a number")
    static let keyMismatch = validation("The provided key element does not match the schema")
}
