import Digests
import Testing

/// Published test vectors: RFC 1321 §A.5 (MD5) and the FIPS 180-4 examples ("abc", the 448-bit and 896-bit
/// messages, one million 'a'), plus lengths around the padding boundaries.
struct HashTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let message: String
        let algorithm: Digest.Algorithm
        let hex: String
        init(_ message: String, _ algorithm: Digest.Algorithm, _ hex: String) {
            self.message = message
            self.algorithm = algorithm
            self.hex = hex
        }
        var testDescription: String { "\(algorithm.rawValue) of \(message.prefix(12))… (\(message.utf8.count) bytes)" }
    }

    static let vectors: [Vector] = [
        Vector("", .md5, "d41d8cd98f00b204e9800998ecf8427e"),
        Vector("", .sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        Vector("", .sha224, "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"),
        Vector("", .sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector("", .sha384, "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        Vector(
            "", .sha512,
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        Vector("abc", .md5, "900150983cd24fb0d6963f7d28e17f72"),
        Vector("abc", .sha1, "a9993e364706816aba3e25717850c26c9cd0d89d"),
        Vector("abc", .sha224, "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7"),
        Vector("abc", .sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector("abc", .sha384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        Vector(
            "abc", .sha512,
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
        Vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .md5, "8215ef0796a20bcaaae116d3876c664a"),
        Vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .sha1, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        Vector("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .sha224, "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525"),
        Vector(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .sha256, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .sha384,
            "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b"),
        Vector(
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", .sha512,
            "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .md5,
            "03dd8807a93175fb062dfb55dc7d359c"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .sha1,
            "a49b2446a02c645bf419f995b67091253a04a259"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .sha224,
            "c97ca9a559850ce97a04a96def6d99a9e0e0e2ab14e6b8df265fc0b3"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .sha256,
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .sha384,
            "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
        Vector(
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", .sha512,
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"),
    ]

    static let paddingBoundaries: [Vector] = [
        Vector(String(repeating: "x", count: 55), .md5, "04364420e25c512fd958a70738aa8f72"),
        Vector(String(repeating: "x", count: 55), .sha256, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        Vector(
            String(repeating: "x", count: 55), .sha512,
            "db9981645857e59805132f7699e78bbcf39f69380a41aac8e6fa158a0593f2017ffe48764687aa855dae3023fcceefd51a1551d57730423df18503e80ba381ba"),
        Vector(String(repeating: "x", count: 56), .md5, "668a72d5ba17f08e62dabcafad6db14b"),
        Vector(String(repeating: "x", count: 56), .sha256, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        Vector(
            String(repeating: "x", count: 56), .sha512,
            "a9436ec7761f9f0d5fa48e652d72b54622f763b36106e6551900b32f6cd7f4d88dbeaadeb866d7f5311663eda3bbcda04ffb5a8e6779e14b84e95da5327c083e"),
        Vector(String(repeating: "x", count: 64), .md5, "c1bb4f81d892b2d57947682aeb252456"),
        Vector(String(repeating: "x", count: 64), .sha256, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        Vector(
            String(repeating: "x", count: 64), .sha512,
            "791c91ff44685987a5c01d2811eede6f3a28d65e43709953c295931afc4941251e3a5dccbacabaf01dd729589b1c4d47da93f6991c414f21188fb8449a2d1064"),
        Vector(String(repeating: "x", count: 111), .md5, "acdfbe7d162f80a5133e9b10dac869b2"),
        Vector(String(repeating: "x", count: 111), .sha256, "5ba60613dba318e9ed9020301e5dc59c721c19d82862e4d03718708aa75d2bad"),
        Vector(
            String(repeating: "x", count: 111), .sha512,
            "9a2a120825c2319867758ec277924f6faa254968bf752046dacdd948d8ad299b10359fd04bfd7d3810b5fa1b16a294236138baff981cbb85248478053ac4d3dd"),
        Vector(String(repeating: "x", count: 112), .md5, "26382a8d1f5cdb7bce4d4a8f01920656"),
        Vector(String(repeating: "x", count: 112), .sha256, "87bf6e70ecc829aa717756ac6797b82de8b30fca1281ea1659df31949839fc6b"),
        Vector(
            String(repeating: "x", count: 112), .sha512,
            "a3722b515ef40c910f2419f6e0da8ca51d410114ce6272faae64045f9e9f630e7fa8dd5a3243c9860b899d148c3da4bc0f9e07454542604d030bb55531fe0d5b"),
        Vector(String(repeating: "x", count: 128), .md5, "d69cb61a6ee87200676eb0d4b90edbcb"),
        Vector(String(repeating: "x", count: 128), .sha256, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"),
        Vector(
            String(repeating: "x", count: 128), .sha512,
            "e2e22f8422b54b06e35c3ea30a383d1de7a8fbc27992923074103117020d8dd7024c3ecf7d6d1a15a6de5a75ff32fb486b9e8ced4c02ffe05822bf2cb734d0e0"),
    ]

    @Test("Each algorithm matches its published test vector", arguments: vectors)
    func publishedVector(_ vector: Vector) {
        #expect(Digest.hexDigest(of: vector.message, vector.algorithm) == vector.hex)
    }

    @Test("Messages around the padding boundary hash correctly", arguments: paddingBoundaries)
    func paddingBoundary(_ vector: Vector) {
        #expect(Digest.hexDigest(of: vector.message, vector.algorithm) == vector.hex)
    }

    @Test(
        "One million 'a' hashes to the published digest",
        arguments: [
            (.md5, "7707d6ae4e027c70eea2a935c2296f21"),
            (.sha1, "34aa973cd4c4daa4f61eeb2bdbad27316534016f"),
            (.sha224, "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67"),
            (.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
            (.sha384, "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985"),
            (
                .sha512,
                "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
            ),
        ] as [(Digest.Algorithm, String)])
    func millionA(_ algorithm: Digest.Algorithm, _ hex: String) {
        #expect(Digest.hex(Digest.hash([UInt8](repeating: 0x61, count: 1_000_000), algorithm)) == hex)
    }

    @Test("Text is hashed as its UTF-8 bytes")
    func utf8() {
        #expect(Digest.hexDigest(of: "héllo ✓", .sha1) == "b7c2a1aa52961195ac19331417a20a8b4f202ddb")
    }

    @Test("AWS's algorithm names are exactly MD5, SHA-1, SHA-256, SHA-384 and SHA-512")
    func awsNames() {
        #expect(Digest.Algorithm.aws.map(\.rawValue) == ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"])
    }

    @Test("MD5 as S3 writes ETags: hex digests of bytes")
    func md5OfBytes() {
        #expect(Digest.hexDigest(of: [UInt8](), .md5) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Digest.hexDigest(of: Array("The quick brown fox jumps over the lazy dog".utf8), .md5) == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(Digest.hexDigest(of: Array(String(repeating: "a", count: 1000).utf8), .md5) == "cabe45dcc9ae5b66ba86600cca6b8ba8")
    }
}
