/// The frames of an execution by id, in chunks of 64. The driver keeps a copy of the interpreter during each step
/// (to run the step again on a heavy thread if an evaluation needs one, `ExecutionDriver`), so a copy must be cheap
/// and stay cheap once the step changes a frame: a copy costs a retain per chunk, and a changed frame copies its
/// chunk, not every frame of a Map of thousands.
struct FrameTable {
    private var chunks: [[Frame]] = []
    private(set) var count = 0

    private static let shift = 6
    private static let mask = (1 << shift) - 1

    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> Frame {
        _read {
            precondition(index >= 0 && index < count, "frame id out of range")
            yield chunks[index >> Self.shift][index & Self.mask]
        }
        _modify {
            precondition(index >= 0 && index < count, "frame id out of range")
            yield &chunks[index >> Self.shift][index & Self.mask]
        }
    }

    mutating func append(_ frame: Frame) {
        if count & Self.mask == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.mask + 1)
        }
        chunks[chunks.count - 1].append(frame)
        count += 1
    }
}
