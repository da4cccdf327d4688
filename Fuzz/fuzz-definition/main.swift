import FuzzDriver
import StatesLanguage

/// The definition validator, as CreateStateMachine and `stepwise validate` run it: any text gets diagnostics,
/// for both machine types.
FuzzDriver.run("fuzz-definition") { bytes in
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    _ = Validator.validate(text: text, type: .standard)
    _ = Validator.validate(text: text, type: .express)
}
