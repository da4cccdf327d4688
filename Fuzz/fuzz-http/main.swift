import FuzzDriver
import StepwiseServer

/// The HTTP/1.1 request parser, fed as a connection feeds it: in pieces (the first byte says where to cut), with
/// pipelined requests parsed until the bytes run out or the parser refuses them.
FuzzDriver.run("fuzz-http") { bytes in
    guard let first = bytes.first else { return }
    let cut = Int(first) % max(bytes.count, 1)
    let pieces = [Array(bytes.dropFirst().prefix(cut)), Array(bytes.dropFirst().dropFirst(cut))]
    var parser = RequestParser(limits: HTTPLimits())
    var buffer: [UInt8] = []
    do {
        for piece in pieces {
            buffer += piece
            while case .request = try parser.parse(&buffer) {}
        }
    } catch {}
}
