import JSON

/// Weak references to the frames of one evaluation, so a test can check that none outlives it.
final class FrameTracker {
    private struct Weak { weak var frame: Environment? }
    private var frames: [Weak] = []

    func add(_ frame: Environment) { frames.append(Weak(frame: frame)) }

    /// How many of the frames are still alive.
    var alive: Int { frames.filter { $0.frame != nil }.count }
    var count: Int { frames.count }
}

extension JSONataExpression {
    /// Evaluates on the caller's stack and answers how many of the evaluation's frames are still alive after it
    /// (with their count): a test of ``Evaluator/releaseFrames()``.
    func framesAlive(after input: JSON?) throws(JSONataError) -> (alive: Int, made: Int) {
        let tracker = FrameTracker()
        _ = try run(JSONataValue(input).value, [:], timestamp: 0, deadline: nil, probe: nil, tracker: tracker)
        return (tracker.alive, tracker.count)
    }
}
