/// HMAC (RFC 2104) over the SHA-2 digests: the keyed hash AWS Signature Version 4 chains to derive its signing key
/// and sign the string to sign.
package enum HMAC {
    /// `HMAC-SHA256(key, message)`: 32 bytes.
    package static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let blockSize = 64
        var block = key.count > blockSize ? Digest.hash(key, .sha256) : key
        block.append(contentsOf: [UInt8](repeating: 0, count: blockSize - block.count))
        let inner = Digest.hash(block.map { $0 ^ 0x36 } + message, .sha256)
        return Digest.hash(block.map { $0 ^ 0x5c } + inner, .sha256)
    }

    /// `HMAC-SHA256` of the UTF-8 bytes of `message`.
    package static func sha256(key: [UInt8], _ message: String) -> [UInt8] {
        sha256(key: key, message: Array(message.utf8))
    }
}
