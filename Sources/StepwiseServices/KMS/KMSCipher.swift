import Digests
import Foundation

/// The local KMS's cipher: not AES, but what is written to disk is never the plaintext. A keystream from xoshiro256**
/// seeded with SHA-256(secret ‖ nonce) is XORed over the data; an HMAC-SHA256 over nonce, encryption context and
/// ciphertext (the first 16 bytes) makes a changed, truncated or misaddressed ciphertext fail to decrypt.
///
/// A ciphertext blob is `SWKMS1` ‖ the key id (36 ASCII bytes) ‖ a 16-byte nonce ‖ the 16-byte tag ‖ the data.
enum KMSCipher {
    static let magic = Array("SWKMS1".utf8)
    static let keyIdLength = 36
    static let headerLength = magic.count + keyIdLength + 16 + 16

    /// `data` XORed with the keystream of `secret` and `nonce` (encrypts and decrypts alike).
    static func xor(_ data: [UInt8], secret: [UInt8], nonce: [UInt8]) -> [UInt8] {
        var generator = Keystream(seed: Digest.hash(secret + nonce, .sha256))
        var output = data
        var index = 0
        while index < output.count {
            var word = generator.next()
            for _ in 0..<8 where index < output.count {
                output[index] ^= UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return output
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A ciphertext blob of `plaintext` under the key `keyId` with `secret`.
    static func seal(_ plaintext: [UInt8], keyId: String, secret: [UInt8], context: String) -> [UInt8] {
        let nonce = randomBytes(16)
        let body = xor(plaintext, secret: secret, nonce: nonce)
        return magic + Array(keyId.utf8) + nonce + tag(secret: secret, nonce: nonce, context: context, body: body) + body
    }

    /// The key id a blob names, nil when it is not one of ours.
    static func keyId(of blob: [UInt8]) -> String? {
        guard blob.count >= headerLength, Array(blob[0..<magic.count]) == magic else { return nil }
        return String(bytes: blob[magic.count..<(magic.count + keyIdLength)], encoding: .utf8)
    }

    /// The plaintext of `blob`, nil when its tag does not match (altered, another key, another context).
    static func open(_ blob: [UInt8], secret: [UInt8], context: String) -> [UInt8]? {
        guard keyId(of: blob) != nil else { return nil }
        let start = magic.count + keyIdLength
        let nonce = Array(blob[start..<(start + 16)])
        let tag = Array(blob[(start + 16)..<(start + 32)])
        let body = Array(blob[headerLength...])
        guard self.tag(secret: secret, nonce: nonce, context: context, body: body) == tag else { return nil }
        return xor(body, secret: secret, nonce: nonce)
    }

    private static func tag(secret: [UInt8], nonce: [UInt8], context: String, body: [UInt8]) -> [UInt8] {
        Array(HMAC.sha256(key: secret, message: nonce + Array(context.utf8) + [0] + body).prefix(16))
    }
}

/// xoshiro256** (Blackman and Vigna), seeded with 32 bytes.
struct Keystream {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    init(seed: [UInt8]) {
        func word(_ offset: Int) -> UInt64 {
            (0..<8).reduce(UInt64(0)) { $0 | UInt64(seed[offset + $1]) << (8 * UInt64($1)) }
        }
        state = (word(0), word(8), word(16), word(24))
        if state == (0, 0, 0, 0) { state.0 = 1 }
    }

    mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }
}
