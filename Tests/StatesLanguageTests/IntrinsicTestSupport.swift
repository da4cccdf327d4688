import JSON
import StatesLanguage

/// Parses `text` as a call and evaluates it against `input` (JSON text), a fixed context and variables.
func evaluateIntrinsic(_ text: String, input: String = "{}", variables: [String: JSON] = [:]) throws -> JSON {
    let roots = PathRoots(
        input: try JSON(parsing: input),
        context: ["Execution": ["Name": "run-1", "Input": ["n": 7]], "StateMachine": ["Name": "order-flow-v2"]],
        variables: Variables(local: variables))
    return try IntrinsicFunction(text).evaluate(roots)
}

/// The StatesError a failing call throws, or nil when it succeeds.
func intrinsicError(_ text: String, input: String = "{}") -> StatesError? {
    do {
        _ = try evaluateIntrinsic(text, input: input)
        return nil
    } catch let error as StatesError {
        return error
    } catch {
        return StatesError("unexpected", "\(error)")
    }
}

/// The failure AWS reports for a bad argument value of `function`.
func invalidArguments(_ function: String) -> StatesError {
    StatesError("States.Runtime", "Invalid arguments in \(function)")
}
