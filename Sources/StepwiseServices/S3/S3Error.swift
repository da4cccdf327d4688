import Stepwise

/// S3's errors as Step Functions names them (`S3.<Code>`), with AWS's messages.
enum S3Error {
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

    /// `S3.<code>` with a cause in the SDK's form: the message, then the service and HTTP status.
    static func error(_ code: String, _ message: String, status: Int) -> StatesError {
        StatesError("S3.\(code)", "\(message) (Service: S3, Status Code: \(status))")
    }
}
