import Foundation

/// `encodeURIComponent`/`encodeURI` and their decoders, as JavaScript defines them.
enum URLCoding {
    static let unreserved: Set<UInt8> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()".utf8)
    static let reserved: Set<UInt8> = Set(";,/?:@&=+$#".utf8)

    static func malformed(_ s: String, _ function: String) -> JSONataError {
        JSONataError.make("D3140", value: .string(s), extra: ["functionName": function])
    }

    static func encode(_ s: String, keep: Set<UInt8>, function: String) throws(JSONataError) -> String {
        var units = Array(s.utf16)[...]
        while let u = units.first {
            if UTF16.isLeadSurrogate(u) {
                guard units.count > 1, UTF16.isTrailSurrogate(units[units.startIndex + 1]) else { throw malformed(s, function) }
            } else if UTF16.isTrailSurrogate(u) {
                throw malformed(s, function)
            }
            units = units.dropFirst(UTF16.isLeadSurrogate(u) ? 2 : 1)
        }
        var out = ""
        for byte in s.utf8 {
            if keep.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func decode(_ s: String, preserve: Set<UInt8>, function: String) throws(JSONataError) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "%") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            guard i + 2 < bytes.count, let byte = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else {
                throw malformed(s, function)
            }
            if byte < 0x80, preserve.contains(byte) {
                out += bytes[i...(i + 2)]
            } else {
                out.append(byte)
            }
            i += 3
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw malformed(s, function) }
        return text
    }
}
