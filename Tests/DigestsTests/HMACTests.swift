import Digests
import Testing

/// RFC 4231 §4 test cases for HMAC-SHA256 (1, 2, 3, 6 and 7: short, text, repeated-byte and over-long keys).
struct HMACTests {
    @Test("HMAC-SHA256 matches RFC 4231's test case 1") func shortKey() {
        let key = [UInt8](repeating: 0x0b, count: 20)
        #expect(
            Digest.hex(HMAC.sha256(key: key, "Hi There")) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test("HMAC-SHA256 matches RFC 4231's test case 2 (a key shorter than the output)") func textKey() {
        #expect(
            Digest.hex(HMAC.sha256(key: Array("Jefe".utf8), "what do ya want for nothing?"))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("HMAC-SHA256 matches RFC 4231's test case 3 (repeated bytes)") func repeatedBytes() {
        let mac = HMAC.sha256(key: [UInt8](repeating: 0xaa, count: 20), message: [UInt8](repeating: 0xdd, count: 50))
        #expect(Digest.hex(mac) == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
    }

    @Test("HMAC-SHA256 hashes a key longer than the block first (RFC 4231 test cases 6 and 7)") func longKey() {
        let key = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            Digest.hex(HMAC.sha256(key: key, "Test Using Larger Than Block-Size Key - Hash Key First"))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        let message =
            "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."
        #expect(
            Digest.hex(HMAC.sha256(key: key, message)) == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }
}
