/// An entry on the backtracking stack: an alternative still open, or a slot write to undo when failing past it.
/// Positions and slots are 32-bit so an entry takes 16 bytes (texts are far shorter than 2^31 units).
enum Frame {
    /// Resume at `pc` with the position `position`.
    case branch(pc: Int32, position: Int32)
    case restore(slot: Int32, value: Int32)
    /// A greedy run at `pc` that can still give back units, down to `low`; `position` is where it stands.
    case greedy(pc: Int32, low: Int32, position: Int32)
    /// A lazy run at `pc` that has taken `count` units and can take more from `position`.
    case lazy(pc: Int32, count: Int32, position: Int32)
    /// Where a lookaround began: its body's alternatives lie above it.
    case look(Int32, position: Int32)
}
