import CZlib
import Foundation
import Stepwise

/// Gzip decompression with the system zlib (Foundation on Linux has none): S3 inventory data files are `.csv.gz`.
enum Gzip {
    /// Whether `data` starts with the gzip magic bytes.
    static func isCompressed(_ data: Data) -> Bool { data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b }

    /// The decompressed bytes of every member of a gzip stream, in order.
    ///
    /// - Throws: States.ItemReaderFailed naming `what` when the stream is corrupt or truncated.
    static func decompress(_ data: Data, what: String) throws -> Data {
        var stream = z_stream()
        guard czlib_inflate_init(&stream) == Z_OK else { throw failure(what, "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let input = [UInt8](data)
        try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let code = buffer.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                switch code {
                case Z_STREAM_END where stream.avail_in == 0: return
                case Z_STREAM_END: guard inflateReset(&stream) == Z_OK else { throw failure(what, "zlib could not read the next member") }
                case Z_OK, Z_BUF_ERROR:
                    guard stream.avail_in > 0 || stream.avail_out == 0 else { throw failure(what, "the gzip stream is truncated") }
                default: throw failure(what, stream.msg.map { String(cString: $0) } ?? "the gzip stream is corrupt (zlib error \(code))")
                }
            }
        }
        return output
    }

    static func failure(_ what: String, _ reason: String) -> StatesError {
        StatesError(StatesError.Name.itemReaderFailed, "\(what) could not be decompressed: \(reason).")
    }
}
