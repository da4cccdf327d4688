import Digests
import Foundation
import JSON
import Stepwise

/// One key of the local KMS.
package struct KMSKey: Sendable, Hashable {
    package var keyId: String
    package var arn: String
    package var description: String
    /// `Enabled`, `Disabled` or `PendingDeletion`.
    package var state: String
    package var creationDate: Date
    package var deletionDate: Date?
    var secret: [UInt8]
}

/// The local KMS: symmetric keys and aliases in `<data-dir>/kms.sqlite` (tables `keys`, `aliases`), each key with a
/// random 32-byte secret that never leaves the file. Encrypt, Decrypt and GenerateDataKey use ``KMSCipher``; S3 uses
/// the same store for SSE-KMS objects (envelope encryption: a data key per object, kept encrypted under the key).
package final class KMSStore: Sendable {
    static let fileName = "kms.sqlite"
    let file: SQLFile
    let path: String

    static let schema = """
        CREATE TABLE IF NOT EXISTS keys (key_id TEXT PRIMARY KEY, arn TEXT NOT NULL, description TEXT NOT NULL,
            state TEXT NOT NULL, creation_date REAL NOT NULL, deletion_date REAL, secret TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS aliases (name TEXT PRIMARY KEY, key_id TEXT NOT NULL, arn TEXT NOT NULL);
        """

    package init(dataDirectory: DataDirectory) {
        path = dataDirectory.url.appendingPathComponent(Self.fileName).path
        file = SQLFile(path: path, setup: Self.schema)
    }

    /// Creates an enabled key; `keyId` is a new UUID unless given (seeds name their keys).
    @discardableResult
    package func createKey(description: String = "", keyId: String? = nil, region: String = "us-east-1", account: String = "123456789012")
        throws -> KMSKey
    {
        let id = keyId ?? UUID().uuidString.lowercased()
        guard id.utf8.count == KMSCipher.keyIdLength else { throw KMSError.validation("A key id must be a UUID of 36 characters: \(id)") }
        let key = KMSKey(
            keyId: id, arn: "arn:aws:kms:\(region):\(account):key/\(id)", description: description, state: "Enabled",
            creationDate: Date(), secret: KMSCipher.randomBytes(32))
        try file.with { sql in
            guard try sql.query("SELECT 1 FROM keys WHERE key_id = ?", [.text(id)]).isEmpty else {
                throw StatesError("KMS.AlreadyExistsException", "A key with the id \(id) already exists")
            }
            try sql.query(
                "INSERT INTO keys (key_id, arn, description, state, creation_date, secret) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .text(id), .text(key.arn), .text(description), .text(key.state), .real(key.creationDate.timeIntervalSince1970),
                    .text(Digest.hex(key.secret)),
                ])
        }
        return key
    }

    /// The key a KeyId names: a key id, a key ARN, an alias name (`alias/…`) or an alias ARN;
    /// `KMS.NotFoundException` when there is none.
    package func key(_ keyId: String) throws -> KMSKey {
        var id = keyId
        if keyId.hasPrefix("alias/") || keyId.contains(":alias/") {
            let name = keyId.hasPrefix("alias/") ? keyId : String(keyId[keyId.range(of: ":alias/")!.lowerBound...].dropFirst())
            guard let target = try file.with({ sql in try sql.query("SELECT key_id FROM aliases WHERE name = ?", [.text(name)]).first?[0].textValue })
            else { throw KMSError.aliasNotFound(keyId) }
            id = target
        } else if let range = keyId.range(of: ":key/") {
            id = String(keyId[range.upperBound...])
        }
        guard let key = try keys(where: "key_id = ?", [.text(id)]).first else { throw KMSError.notFound(keyId) }
        return key
    }

    /// Every key, by creation date.
    package func keys() throws -> [KMSKey] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try keys(where: "1", [])
    }

    /// The aliases (name, key id), by name.
    package func aliases() throws -> [(name: String, keyId: String, arn: String)] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try file.with { sql in
            try sql.query("SELECT name, key_id, arn FROM aliases ORDER BY name").map { row in
                (row[0].textValue ?? "", row[1].textValue ?? "", row[2].textValue ?? "")
            }
        }
    }

    /// EnableKey / DisableKey / ScheduleKeyDeletion / CancelKeyDeletion: moves a key to `state`. A key pending deletion
    /// is neither enabled nor disabled (`KMS.KMSInvalidStateException`); cancelling a deletion leaves it disabled.
    @discardableResult
    package func setState(_ keyId: String, _ state: String, deletionDate: Date? = nil) throws -> KMSKey {
        var key = try key(keyId)
        if key.state == "PendingDeletion", state != "Disabled" || deletionDate != nil { throw KMSError.pendingDeletion(key.arn) }
        key.state = state
        key.deletionDate = deletionDate
        try file.with { sql in
            try sql.query(
                "UPDATE keys SET state = ?, deletion_date = ? WHERE key_id = ?",
                [.text(state), deletionDate.map { .real($0.timeIntervalSince1970) } ?? .null, .text(key.keyId)])
        }
        return key
    }

    /// CreateAlias: `alias/<name>` for an existing key; not `alias/aws/…`.
    package func createAlias(_ name: String, keyId: String) throws {
        guard name.hasPrefix("alias/"), name.count > 6, !name.hasPrefix("alias/aws/") else {
            throw KMSError.validation(
                "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html")
        }
        let key = try key(keyId)
        let arn = key.arn.replacingOccurrences(of: "key/\(key.keyId)", with: name)
        try file.with { sql in
            guard try sql.query("SELECT 1 FROM aliases WHERE name = ?", [.text(name)]).isEmpty else { throw KMSError.alreadyExists(arn) }
            try sql.query("INSERT INTO aliases (name, key_id, arn) VALUES (?, ?, ?)", [.text(name), .text(key.keyId), .text(arn)])
        }
    }

    /// The key `keyId` names, when it may encrypt or decrypt: `KMS.DisabledException` for a disabled key,
    /// `KMS.KMSInvalidStateException` for one pending deletion.
    package func usableKey(_ keyId: String) throws -> KMSKey {
        let key = try key(keyId)
        switch key.state {
        case "Disabled": throw KMSError.disabled(key.arn)
        case "PendingDeletion": throw KMSError.pendingDeletion(key.arn)
        default: return key
        }
    }

    /// Encrypt: a ciphertext blob of `plaintext` under the key, bound to the encryption context.
    package func encrypt(_ plaintext: [UInt8], keyId: String, context: [String: String] = [:]) throws -> (blob: [UInt8], key: KMSKey) {
        let key = try usableKey(keyId)
        return (KMSCipher.seal(plaintext, keyId: key.keyId, secret: key.secret, context: Self.canonical(context)), key)
    }

    /// Decrypt: the key the blob names must exist and be usable, and the blob must be intact and given the same context
    /// (`KMS.InvalidCiphertextException` otherwise). With `keyId`, the blob must be that key's (`KMS.IncorrectKeyException`).
    package func decrypt(_ blob: [UInt8], keyId expected: String? = nil, context: [String: String] = [:]) throws -> (plaintext: [UInt8], key: KMSKey)
    {
        guard let id = KMSCipher.keyId(of: blob), let key = try keys(where: "key_id = ?", [.text(id)]).first else {
            throw KMSError.invalidCiphertext
        }
        if let expected, try self.key(expected).keyId != key.keyId {
            throw StatesError("KMS.IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.")
        }
        _ = try usableKey(key.keyId)
        guard let plaintext = KMSCipher.open(blob, secret: key.secret, context: Self.canonical(context)) else { throw KMSError.invalidCiphertext }
        return (plaintext, key)
    }

    /// GenerateDataKey: a new 32-byte data key, in plaintext and encrypted under the key.
    package func generateDataKey(keyId: String, bytes: Int = 32, context: [String: String] = [:]) throws
        -> (plaintext: [UInt8], blob: [UInt8], key: KMSKey)
    {
        let plaintext = KMSCipher.randomBytes(bytes)
        let (blob, key) = try encrypt(plaintext, keyId: keyId, context: context)
        return (plaintext, blob, key)
    }

    /// The encryption context as the tag covers it: sorted `key=value` lines.
    static func canonical(_ context: [String: String]) -> String {
        context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    }

    private func keys(where condition: String, _ values: [SQLValue]) throws -> [KMSKey] {
        try file.with { sql in
            try sql.query(
                "SELECT key_id, arn, description, state, creation_date, deletion_date, secret FROM keys WHERE \(condition) ORDER BY creation_date, key_id",
                values
            ).map { row in
                KMSKey(
                    keyId: row[0].textValue ?? "", arn: row[1].textValue ?? "", description: row[2].textValue ?? "",
                    state: row[3].textValue ?? "", creationDate: Date(timeIntervalSince1970: row[4].doubleValue ?? 0),
                    deletionDate: row[5].doubleValue.map(Date.init(timeIntervalSince1970:)), secret: Self.bytes(hex: row[6].textValue ?? ""))
            }
        }
    }

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            if let byte = UInt8(hex[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        return bytes
    }
}

extension KMSStore {
    /// An AWS managed key (`alias/aws/s3`), created with its alias on first use; answers its key id.
    @discardableResult
    package func managedKey(_ alias: String, description: String) throws -> String {
        if let id = try aliases().first(where: { $0.name == alias })?.keyId { return id }
        let key = try createKey(description: description)
        try file.with { sql in
            try sql.query(
                "INSERT OR IGNORE INTO aliases (name, key_id, arn) VALUES (?, ?, ?)",
                [.text(alias), .text(key.keyId), .text(key.arn.replacingOccurrences(of: "key/\(key.keyId)", with: alias))])
        }
        return try self.key(alias).keyId
    }
}
