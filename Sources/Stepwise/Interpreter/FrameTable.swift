/// The frames of an execution by id, in a ``ChunkedArray`` of boxes. The driver keeps a copy of the interpreter during
/// each step (to run the step again on a heavy thread if an evaluation needs one, `ExecutionDriver`), so a copy must
/// be cheap and stay cheap once the step changes a frame: a changed frame copies the list of chunks and its chunk (a
/// pointer per frame) and its own box, not the fields of 64 frames.
struct FrameTable {
    private var boxes = ChunkedArray<Box>()

    /// One frame. Value semantics: a box is changed only while uniquely referenced (``subscript(_:)`` copies a
    /// shared one first), so a box shared between copies of the table is never written. The frame is behind a
    /// pointer, not in a stored `var`, so the step loop's many frame changes pay no dynamic exclusivity check.
    private final class Box: @unchecked Sendable {
        let frame: UnsafeMutablePointer<Frame>

        init(_ frame: Frame) {
            self.frame = .allocate(capacity: 1)
            self.frame.initialize(to: frame)
        }

        deinit {
            frame.deinitialize(count: 1)
            frame.deallocate()
        }
    }

    var count: Int { boxes.count }
    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> Frame {
        _read { yield boxes[index].frame.pointee }
        _modify {
            if !isKnownUniquelyReferenced(&boxes[index]) { boxes[index] = Box(boxes[index].frame.pointee) }
            // The table holds the box while the caller changes the frame (it has the table exclusively).
            let frame = boxes[index].frame
            yield &frame.pointee
        }
    }

    mutating func append(_ frame: Frame) { boxes.append(Box(frame)) }
}
