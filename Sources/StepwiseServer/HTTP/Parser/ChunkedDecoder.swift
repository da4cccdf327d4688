/// Decodes a `Transfer-Encoding: chunked` body incrementally, with its trailer fields (RFC 9112 §7.1).
struct ChunkedDecoder {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
        case done
    }

    private var state = State.size
    let maxBodyBytes: Int
    let maxTrailerBytes: Int
    private(set) var body: [UInt8] = []
    private(set) var trailers = HTTPHeaders()
    private var trailerBytes = 0

    /// The longest chunk-size line (size and extensions) accepted.
    static let maxSizeLineBytes = 1024

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Consumes what it can from the front of `buffer`; returns true once the last chunk and trailers are in.
    mutating func decode(_ buffer: inout [UInt8]) throws(HTTPError) -> Bool {
        var position = 0
        defer { buffer.removeFirst(position) }
        while true {
            switch state {
            case .size:
                guard try readSizeLine(buffer, &position) else { return false }
            case .data(let remaining):
                let count = min(remaining, buffer.count - position)
                guard count > 0 else { return false }
                body.append(contentsOf: buffer[position..<(position + count)])
                position += count
                state = remaining == count ? .dataEnd : .data(remaining: remaining - count)
            case .dataEnd:
                guard buffer.count - position >= 2 else { return false }
                guard buffer[position] == HTTPSyntax.cr, buffer[position + 1] == HTTPSyntax.lf else {
                    throw HTTPError(.badRequest, message: "Missing CRLF after chunk data.")
                }
                position += 2
                state = .size
            case .trailers:
                guard try readTrailerLine(buffer, &position) else { return false }
            case .done:
                return true
            }
        }
    }

    /// `chunk-size [; extensions] CRLF`; a zero size starts the trailers.
    private mutating func readSizeLine(_ buffer: [UInt8], _ position: inout Int) throws(HTTPError) -> Bool {
        guard let end = HTTPSyntax.firstCRLF(in: buffer, from: position) else {
            if buffer.count - position > Self.maxSizeLineBytes { throw HTTPError(.badRequest, message: "Chunk size line too long.") }
            return false
        }
        guard end - position <= Self.maxSizeLineBytes else { throw HTTPError(.badRequest, message: "Chunk size line too long.") }
        var index = position
        var size = 0
        while index < end, let digit = HTTPSyntax.hexValue(buffer[index]) {
            // Leading zeros are allowed; fifteen significant digits (2^60) cannot overflow and exceed any limit.
            guard size < 1 << 56 else { throw HTTPError(.contentTooLarge) }
            size = size * 16 + digit
            guard body.count + size <= maxBodyBytes else { throw HTTPError(.contentTooLarge) }
            index += 1
        }
        let rest = buffer[index..<end]
        guard index > position, rest.first.map({ [0x3B, HTTPSyntax.space, HTTPSyntax.tab].contains($0) }) ?? true,
            rest.allSatisfy(HTTPSyntax.isFieldValueByte)
        else { throw HTTPError(.badRequest, message: "Malformed chunk size.") }
        position = end + 2
        state = size == 0 ? .trailers : .data(remaining: size)
        return true
    }

    /// One trailer field, or the empty line that ends the body.
    private mutating func readTrailerLine(_ buffer: [UInt8], _ position: inout Int) throws(HTTPError) -> Bool {
        guard let end = HTTPSyntax.firstCRLF(in: buffer, from: position) else {
            if trailerBytes + buffer.count - position > maxTrailerBytes { throw HTTPError(.requestHeaderFieldsTooLarge) }
            return false
        }
        trailerBytes += end - position + 2
        guard trailerBytes <= maxTrailerBytes else { throw HTTPError(.requestHeaderFieldsTooLarge) }
        if end == position {
            state = .done
        } else {
            let field = try RequestHead.field(buffer[position..<end])
            trailers.add(name: field.name, value: field.value)
        }
        position = end + 2
        return true
    }
}
