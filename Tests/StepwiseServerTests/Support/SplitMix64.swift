/// A small deterministic generator (SplitMix64), so a failing fuzz input can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Inputs for fuzzing the server: random bytes, often after a valid request start and mixed with
/// HTTP punctuation, so that the fuzz reaches the header, chunk and body parsers.
enum FuzzInput {
    static func make(_ random: inout SplitMix64) -> [UInt8] {
        let prefixes = [
            "", "GET / HTTP/1.1\r\n", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n",
        ]
        let alphabet = Array("GET /HTP1.\r\n:0a;-%".utf8)
        let count = Int.random(in: 0...300, using: &random)
        let noise = (0..<count).map { _ in
            Bool.random(using: &random) ? UInt8.random(in: 0...255, using: &random) : alphabet.randomElement(using: &random)!
        }
        let end: [UInt8] = Bool.random(using: &random) ? [13, 10, 13, 10] : []
        return Array(prefixes.randomElement(using: &random)!.utf8) + noise + end
    }
}
