/// The frames of an execution by id, in a ``ChunkedArray`` of boxes. The driver keeps a copy of the interpreter during
/// each step (to run the step again on a heavy thread if an evaluation needs one, `ExecutionDriver`), so a copy must
/// be cheap and stay cheap once the step changes a frame: a changed frame copies the list of chunks and its chunk (a
/// pointer per frame) and its own box, not the fields of 64 frames.
struct FrameTable {
    private var boxes = ChunkedArray<Box>()

    /// One frame. Value semantics: a box is changed only while uniquely referenced (``subscript(_:)`` copies a
    /// shared one first), so a box shared between copies of the table is never written.
    private final class Box: @unchecked Sendable {
        var frame: Frame
        init(_ frame: Frame) { self.frame = frame }
    }

    var count: Int { boxes.count }
    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> Frame {
        _read { yield boxes[index].frame }
        _modify {
            if !isKnownUniquelyReferenced(&boxes[index]) { boxes[index] = Box(boxes[index].frame) }
            yield &boxes[index].frame
        }
    }

    mutating func append(_ frame: Frame) { boxes.append(Box(frame)) }
}
