import Stepwise

/// KMS's errors as Step Functions names them for `arn:aws:states:::aws-sdk:kms:<action>`: `KMS.<ErrorCode>` with the
/// error codes of KMS's API reference (`DisabledException`, `NotFoundException`, `KMSInvalidStateException`,
/// `InvalidCiphertextException`, …) and AWS's messages.
enum KMSError {
    static func notFound(_ keyId: String) -> StatesError {
        StatesError("KMS.NotFoundException", "Invalid keyId '\(keyId)'")
    }

    static func aliasNotFound(_ alias: String) -> StatesError {
        StatesError("KMS.NotFoundException", "Alias \(alias) is not found.")
    }

    static func disabled(_ arn: String) -> StatesError { StatesError("KMS.DisabledException", "\(arn) is disabled.") }

    /// A key pending deletion used for a cryptographic operation, or enabled or disabled.
    static func pendingDeletion(_ arn: String) -> StatesError {
        StatesError("KMS.KMSInvalidStateException", "\(arn) is pending deletion.")
    }

    /// A ciphertext that is not one of this KMS's, was altered, or is given another encryption context (AWS's
    /// message is empty).
    static let invalidCiphertext = StatesError("KMS.InvalidCiphertextException", "")

    static func alreadyExists(_ alias: String) -> StatesError {
        StatesError("KMS.AlreadyExistsException", "An alias with the name \(alias) already exists")
    }

    static func validation(_ message: String) -> StatesError { StatesError("KMS.ValidationException", message) }
}
