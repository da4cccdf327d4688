import JSON

/// What a JSONPath Catcher passes to its Next state (asl-reference §2.1 "Catcher", §5.2 step 5): the error
/// output `{"Error", "Cause"}` placed into the state's raw input with the catcher's ResultPath (default `$`:
/// the error output alone). No ResultSelector or OutputPath applies.
package enum CatcherOutput {
    /// The error output object (asl-reference §5.1), `Error` first as AWS writes it.
    package static func errorOutput(_ error: StatesError) -> JSON {
        .object(JSONObject([("Error", .string(error.name)), ("Cause", .string(error.cause))]))
    }

    /// The catcher's output; States.ResultPathMatchFailure when the ResultPath cannot be applied.
    package static func output(for error: StatesError, rawInput: JSON, resultPath: DataPath) throws(StatesError) -> JSON {
        try resultPath.place(errorOutput(error), into: rawInput)
    }
}
