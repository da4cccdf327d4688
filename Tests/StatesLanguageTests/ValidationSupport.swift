import JSON
import StatesLanguage
import Testing

/// One validation rule exercised by one small definition, with the diagnostic AWS gives for it.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let definition: String
    let expected: Diagnostic
    var type: Validator.MachineType = .standard

    init(
        _ rule: String, _ definition: String, _ code: String, _ message: String, at location: String?,
        type: Validator.MachineType = .standard
    ) {
        self.rule = rule
        self.definition = definition
        self.expected = Diagnostic(code: code, message: message, location: location)
        self.type = type
    }

    var testDescription: String { rule }

    /// Validates the definition and checks the expected diagnostic is among the findings.
    func verify() {
        let diagnostics = Validator.validate(text: definition, type: type)
        #expect(diagnostics.contains(expected), "got: \(diagnostics.map(\.description))")
    }
}

/// A machine whose only state is `S`, with `state` as its JSON text.
func single(_ state: String, language: String? = nil) -> String {
    let languageField = language.map { "\"QueryLanguage\":\"\($0)\"," } ?? ""
    return #"{\#(languageField)"StartAt":"S","States":{"S":\#(state)}}"#
}

/// A machine starting at `S` with the given `States` members (JSON text without braces).
func machine(_ states: String, language: String? = nil) -> String {
    let languageField = language.map { "\"QueryLanguage\":\"\($0)\"," } ?? ""
    return #"{\#(languageField)"StartAt":"S","States":{\#(states)}}"#
}

/// The errors (not warnings) of a definition.
func errors(_ definition: String, type: Validator.MachineType = .standard) -> [Diagnostic] {
    Validator.validate(text: definition, type: type).filter { $0.severity == .error }
}

let schema = "SCHEMA_VALIDATION_FAILED"
