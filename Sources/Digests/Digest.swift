/// Message digests written in Swift (MD5, SHA-1, SHA-2): for `States.Hash` (asl-reference §4), JSONata's `$hash`
/// and S3 ETags. Foundation on Linux has no CryptoKit, and the runtime takes no third-party packages.
package enum Digest {
    /// The algorithms `States.Hash` accepts, named as AWS spells them.
    package enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case md5 = "MD5"
        case sha1 = "SHA-1"
        case sha224 = "SHA-224"
        case sha256 = "SHA-256"
        case sha384 = "SHA-384"
        case sha512 = "SHA-512"

        /// The algorithms AWS accepts in `States.Hash` and `$hash` (SHA-224 is ours only).
        package static let aws: [Algorithm] = [.md5, .sha1, .sha256, .sha384, .sha512]
    }

    /// The digest of `bytes` with `algorithm`.
    package static func hash(_ bytes: [UInt8], _ algorithm: Algorithm) -> [UInt8] {
        switch algorithm {
        case .md5: MD5.hash(bytes)
        case .sha1: SHA1.hash(bytes)
        case .sha224: SHA256.hash(bytes, variant: .sha224)
        case .sha256: SHA256.hash(bytes, variant: .sha256)
        case .sha384: SHA512.hash(bytes, variant: .sha384)
        case .sha512: SHA512.hash(bytes, variant: .sha512)
        }
    }

    /// The lower-case hex digest of the UTF-8 bytes of `text`, as `States.Hash` returns it.
    package static func hexDigest(of text: String, _ algorithm: Algorithm) -> String {
        hex(hash(Array(text.utf8), algorithm))
    }

    /// The lower-case hex digest of `bytes` (an S3 ETag is the MD5 of the object's content).
    package static func hexDigest(of bytes: some Collection<UInt8>, _ algorithm: Algorithm) -> String {
        hex(hash(Array(bytes), algorithm))
    }

    /// Lower-case hexadecimal, two digits per byte.
    package static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Merkle–Damgård padding shared by all five: append 0x80, zeros up to `lengthBytes` short of a block
    /// boundary, then the message length in bits (big-endian, or little-endian for MD5).
    static func padded(_ message: [UInt8], blockSize: Int, lengthBytes: Int, bigEndian: Bool) -> [UInt8] {
        var bytes = message
        bytes.append(0x80)
        while (bytes.count + lengthBytes) % blockSize != 0 { bytes.append(0) }
        // The length field is 64 or 128 bits; messages here are far below 2^61 bytes, so the high bytes are 0.
        let bitLength = UInt64(message.count) &* 8
        var field = [UInt8](repeating: 0, count: lengthBytes)
        for index in 0..<8 {
            let byte = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))
            if bigEndian { field[lengthBytes - 1 - index] = byte } else { field[index] = byte }
        }
        bytes.append(contentsOf: field)
        return bytes
    }
}
