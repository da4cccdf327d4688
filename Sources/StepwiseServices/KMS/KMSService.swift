import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:kms:<action>` against the local ``KMSStore``: CreateKey, DescribeKey, ListKeys,
/// EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion, CreateAlias, ListAliases, Encrypt, Decrypt and
/// GenerateDataKey. A `Plaintext` given to Encrypt is its text's UTF-8 bytes (as S3's `Body`); blobs answered
/// (`CiphertextBlob`, a decrypted or generated `Plaintext`) are base64, and a `CiphertextBlob` given is base64.
package struct KMSService: LocalService {
    package let name = "kms"
    package let store: KMSStore

    package init(store: KMSStore) { self.store = store }

    typealias Action = @Sendable (KMSService, ServiceRequest, _ region: String, _ account: String) throws -> JSON

    static let actions: [String: Action] = [
        "createKey": { try $0.createKey($1, region: $2, account: $3) }, "describeKey": { s, r, _, _ in try s.describeKey(r) },
        "listKeys": { s, r, _, _ in try s.listKeys(r) }, "enableKey": { s, r, _, _ in try s.setState(r, "Enabled") },
        "disableKey": { s, r, _, _ in try s.setState(r, "Disabled") },
        "scheduleKeyDeletion": { s, r, _, _ in try s.scheduleKeyDeletion(r) },
        "cancelKeyDeletion": { s, r, _, _ in try s.cancelKeyDeletion(r) }, "createAlias": { s, r, _, _ in try s.createAlias(r) },
        "listAliases": { s, r, _, _ in try s.listAliases(r) }, "encrypt": { s, r, _, _ in try s.encrypt(r) },
        "decrypt": { s, r, _, _ in try s.decrypt(r) }, "generateDataKey": { s, r, _, _ in try s.generateDataKey(r) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        let (region, account) = ServiceSupport.regionAndAccount(context)
        return try call(action, input: input, region: region, account: account)
    }

    /// Performs `action` synchronously.
    @discardableResult
    package func call(_ action: String, input: JSON, region: String = "us-east-1", account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else { throw KMSError.validation("Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: "KMS.ValidationException"), region, account)
    }

    func createKey(_ request: ServiceRequest, region: String, account: String) throws -> JSON {
        if let spec = try request.string("KeySpec"), spec != "SYMMETRIC_DEFAULT" {
            throw StatesError(
                "KMS.UnsupportedOperationException", "The local KMS keeps symmetric keys only (KeySpec SYMMETRIC_DEFAULT), not \(spec).")
        }
        let key = try store.createKey(description: try request.string("Description") ?? "", region: region, account: account)
        return ["KeyMetadata": Self.metadata(key)]
    }

    func describeKey(_ request: ServiceRequest) throws -> JSON {
        ["KeyMetadata": Self.metadata(try store.key(request.required("KeyId")))]
    }

    func listKeys(_ request: ServiceRequest) throws -> JSON {
        let keys = try store.keys().map { JSON.object(["KeyId": .string($0.keyId), "KeyArn": .string($0.arn)]) }
        return ["Keys": .array(keys), "Truncated": false]
    }

    func setState(_ request: ServiceRequest, _ state: String) throws -> JSON {
        try store.setState(request.required("KeyId"), state)
        return [:]
    }

    /// ScheduleKeyDeletion: PendingDeletion for PendingWindowInDays (7–30, default 30); the key is never deleted
    /// locally, it stays pending until CancelKeyDeletion.
    func scheduleKeyDeletion(_ request: ServiceRequest) throws -> JSON {
        let days = try request.int("PendingWindowInDays") ?? 30
        guard (7...30).contains(days) else {
            throw KMSError.validation(
                "1 validation error detected: Value '\(days)' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30"
            )
        }
        let date = Date().addingTimeInterval(Double(days) * 86_400)
        let key = try store.setState(request.required("KeyId"), "PendingDeletion", deletionDate: date)
        return [
            "KeyId": .string(key.arn), "DeletionDate": ServiceSupport.timestamp(date), "KeyState": "PendingDeletion",
            "PendingWindowInDays": .int(days),
        ]
    }

    func cancelKeyDeletion(_ request: ServiceRequest) throws -> JSON {
        let key = try store.key(request.required("KeyId"))
        guard key.state == "PendingDeletion" else {
            throw StatesError("KMS.KMSInvalidStateException", "\(key.arn) is not pending deletion.")
        }
        try store.setState(key.keyId, "Disabled")
        return ["KeyId": .string(key.arn)]
    }

    func createAlias(_ request: ServiceRequest) throws -> JSON {
        try store.createAlias(request.required("AliasName"), keyId: request.required("TargetKeyId"))
        return [:]
    }

    func listAliases(_ request: ServiceRequest) throws -> JSON {
        let only = try request.string("KeyId").map { try store.key($0).keyId }
        let aliases = try store.aliases().filter { only == nil || $0.keyId == only }.map { alias -> JSON in
            ["AliasName": .string(alias.name), "AliasArn": .string(alias.arn), "TargetKeyId": .string(alias.keyId)]
        }
        return ["Aliases": .array(aliases), "Truncated": false]
    }

    func encrypt(_ request: ServiceRequest) throws -> JSON {
        let keyId = try request.required("KeyId")
        let plaintext = Array(try request.required("Plaintext").utf8)
        guard (1...4096).contains(plaintext.count) else {
            throw KMSError.validation(
                "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and 4096")
        }
        let (blob, key) = try store.encrypt(plaintext, keyId: keyId, context: try context(request))
        return ["CiphertextBlob": .string(Data(blob).base64EncodedString()), "KeyId": .string(key.arn), "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"]
    }

    func decrypt(_ request: ServiceRequest) throws -> JSON {
        guard let blob = Data(base64Encoded: try request.required("CiphertextBlob")) else { throw KMSError.invalidCiphertext }
        let (plaintext, key) = try store.decrypt(Array(blob), keyId: try request.string("KeyId"), context: try context(request))
        return ["Plaintext": .string(Data(plaintext).base64EncodedString()), "KeyId": .string(key.arn), "EncryptionAlgorithm": "SYMMETRIC_DEFAULT"]
    }

    /// GenerateDataKey with KeySpec AES_256 (the default here) or AES_128, or NumberOfBytes 1–1024.
    func generateDataKey(_ request: ServiceRequest) throws -> JSON {
        let bytes: Int
        switch (try request.string("KeySpec"), try request.int("NumberOfBytes")) {
        case (.some, .some): throw KMSError.validation("Please specify either number of bytes or key spec.")
        case (nil, nil), ("AES_256"?, nil): bytes = 32
        case ("AES_128"?, nil): bytes = 16
        case (let spec?, nil): throw KMSError.validation("1 validation error detected: Value '\(spec)' at 'keySpec' failed to satisfy constraint")
        case (nil, let count?):
            guard (1...1024).contains(count) else { throw KMSError.validation("NumberOfBytes must be between 1 and 1024") }
            bytes = count
        }
        let (plaintext, blob, key) = try store.generateDataKey(keyId: request.required("KeyId"), bytes: bytes, context: try context(request))
        return [
            "CiphertextBlob": .string(Data(blob).base64EncodedString()), "Plaintext": .string(Data(plaintext).base64EncodedString()),
            "KeyId": .string(key.arn),
        ]
    }

    private func context(_ request: ServiceRequest) throws -> [String: String] {
        guard let value = request["EncryptionContext"], !value.isNull else { return [:] }
        guard let object = value.objectValue, object.allSatisfy({ $0.value.stringValue != nil }) else {
            throw request.invalid("EncryptionContext must be a map of strings")
        }
        return Dictionary(object.map { ($0.key, $0.value.stringValue ?? "") }, uniquingKeysWith: { $1 })
    }

    /// DescribeKey's KeyMetadata.
    static func metadata(_ key: KMSKey) -> JSON {
        let account = key.arn.split(separator: ":").dropFirst(4).first.map(String.init) ?? ""
        return ServiceSupport.object([
            "AWSAccountId": .string(account), "KeyId": .string(key.keyId), "Arn": .string(key.arn),
            "CreationDate": ServiceSupport.timestamp(key.creationDate), "Enabled": .bool(key.state == "Enabled"),
            "Description": .string(key.description), "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": .string(key.state),
            "DeletionDate": key.deletionDate.map(ServiceSupport.timestamp), "Origin": "AWS_KMS", "KeyManager": "CUSTOMER",
            "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT", "KeySpec": "SYMMETRIC_DEFAULT", "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"],
            "MultiRegion": false,
        ])
    }
}
