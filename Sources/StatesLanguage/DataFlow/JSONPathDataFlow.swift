import JSON

/// How a JSONPath-language state turns its raw input and its result into its output (asl-reference §2.1):
/// InputPath → Parameters → (the work) → ResultSelector → ResultPath → OutputPath.
///
/// Build one per state when the definition is loaded; every function is pure and reuses the compiled paths
/// and templates. In each, `roots` supplies the context object (`$$`) and the variables (`$name`); its
/// `input` is ignored, since each stage has its own input.
package struct JSONPathDataFlow: Sendable {
    package var inputPath: DataPath
    package var parameters: PayloadTemplate?
    package var resultSelector: PayloadTemplate?
    package var resultPath: DataPath
    package var outputPath: DataPath

    package init(
        inputPath: DataPath = .whole, parameters: PayloadTemplate? = nil, resultSelector: PayloadTemplate? = nil,
        resultPath: DataPath = .whole, outputPath: DataPath = .whole
    ) {
        self.inputPath = inputPath
        self.parameters = parameters
        self.resultSelector = resultSelector
        self.resultPath = resultPath
        self.outputPath = outputPath
    }

    /// The identity flow (every field absent): output = result.
    package static let identity = JSONPathDataFlow()

    /// Steps 1–2: InputPath, then Parameters over what it selected. This is the task's arguments, the
    /// branch or Pass input, and (with no Parameters) the input that Choice rules and Wait read.
    package func effectiveInput(rawInput: JSON, roots: PathRoots) throws(StatesError) -> JSON {
        let selected = try inputPath.select(from: rawInput, roots: roots)
        return try applyParameters(to: selected, roots: roots)
    }

    /// Step 2 alone: the Parameters template evaluated with `$` = `input`; `input` itself when absent.
    func applyParameters(to input: JSON, roots: PathRoots) throws(StatesError) -> JSON {
        guard let parameters else { return input }
        var scoped = roots
        scoped.input = input
        return try parameters.evaluate(scoped)
    }

    /// Steps 4–6: ResultSelector over `result`, ResultPath into `rawInput` (the state input before InputPath),
    /// then OutputPath. For Choice, Wait and Succeed pass the effective input as `result` with the default
    /// ResultPath, so that only OutputPath applies.
    package func output(rawInput: JSON, result: JSON, roots: PathRoots) throws(StatesError) -> JSON {
        let selected = try applyResultSelector(to: result, roots: roots)
        let combined = try resultPath.place(selected, into: rawInput)
        return try outputPath.select(from: combined, roots: roots)
    }

    /// Step 4 alone: the ResultSelector template evaluated with `$` = `result`; `result` itself when absent.
    func applyResultSelector(to result: JSON, roots: PathRoots) throws(StatesError) -> JSON {
        guard let resultSelector else { return result }
        var scoped = roots
        scoped.input = result
        return try resultSelector.evaluate(scoped)
    }
}
