import Stepwise

/// S3's errors as Step Functions names them, with AWS's messages.
///
/// Step Functions calls S3 through the Java SDK v2 and names an error after the exception class the SDK throws:
/// the error codes S3's model declares (NoSuchBucket, NoSuchKey, BucketAlreadyOwnedByYou, InvalidRequest, …) are
/// `S3.<Code>Exception`; every other code (BucketNotEmpty, InvalidBucketName, InvalidArgument, SlowDown,
/// InternalError, …) is the SDK's generic `S3.S3Exception`, its code only in the message.
enum S3Error {
    /// The error codes with an exception class of their own (botocore's S3 model, `"exception": true`).
    static let modeledCodes: Set<String> = [
        "AccessDenied", "BucketAlreadyExists", "BucketAlreadyOwnedByYou", "EncryptionTypeMismatch", "IdempotencyParameterMismatch",
        "InvalidObjectState", "InvalidRequest", "InvalidWriteOffset", "NoSuchBucket", "NoSuchKey", "NoSuchUpload",
        "ObjectAlreadyInActiveTierError", "ObjectNotInActiveTierError", "TooManyParts",
    ]

    /// The Step Functions error name of an S3 error code: `NoSuchKey` → `S3.NoSuchKeyException`, `SlowDown` →
    /// `S3.S3Exception`.
    static func name(_ code: String) -> String { modeledCodes.contains(code) ? "S3.\(code)Exception" : "S3.S3Exception" }

    static func noSuchBucket(_ bucket: String) -> StatesError {
        error("NoSuchBucket", "The specified bucket does not exist", status: 404)
    }

    static func noSuchKey(_ key: String) -> StatesError {
        error("NoSuchKey", "The specified key does not exist.", status: 404)
    }

    static func bucketAlreadyOwnedByYou(_ bucket: String) -> StatesError {
        error("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", status: 409)
    }

    static func bucketNotEmpty(_ bucket: String) -> StatesError {
        error("BucketNotEmpty", "The bucket you tried to delete is not empty", status: 409)
    }

    static func invalidBucketName(_ bucket: String) -> StatesError {
        error("InvalidBucketName", "The specified bucket is not valid.", status: 400)
    }

    static func invalidArgument(_ message: String) -> StatesError { error("InvalidArgument", message, status: 400) }

    static func invalidRequest(_ message: String) -> StatesError { error("InvalidRequest", message, status: 400) }

    /// The error of `code` with a cause in the SDK's form: the message, then the service and HTTP status.
    static func error(_ code: String, _ message: String, status: Int) -> StatesError {
        StatesError(name(code), "\(message) (Service: S3, Status Code: \(status))")
    }
}
