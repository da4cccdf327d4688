import JSON

/// What one state's data flow produced at each stage (asl-reference §2): the values TestState reports as its
/// inspection data. The interpreter fills it only when it has one (``Interpreter/inspector``); executions have
/// none, and then each hook is a nil check that does not evaluate its value.
package struct Inspection: Sendable {
    package var afterInputPath: JSON?
    package var afterParameters: JSON?
    package var afterArguments: JSON?
    package var result: JSON?
    package var afterResultSelector: JSON?
    package var afterResultPath: JSON?
    package var afterItemsPath: JSON?
    package var afterItemSelector: JSON?
    package var afterItemBatcher: JSON?
    /// The variables the state assigned, in order, when it exited.
    package var assigned: [(String, JSON)]?

    package init() {}
}
