import Foundation
import JSON

/// A Step Functions Local mock configuration file (`MockConfigFile.json`): test cases per state machine, each
/// naming the mocked response of some Task states, and the mocked responses themselves.
///
/// ```json
/// {"StateMachines": {"Orders": {"TestCases": {"HappyPath": {"Charge": "ChargeOK"}}}},
///  "MockedResponses": {"ChargeOK": {"0": {"Return": {"charged": true}}}}}
/// ```
public struct MockConfig: Sendable {
    /// Test cases by state machine name, then by test case name.
    package let testCases: [String: [String: MockTestCase]]
    package let responses: [String: MockedResponse]

    /// Reads and checks a mock config file.
    public init(contentsOf path: String) throws(ConfigFileError) {
        let json: JSON
        do {
            json = try JSON(parsing: try String(contentsOfFile: path, encoding: .utf8))
        } catch let error as JSONParseError {
            throw ConfigFileError("MockConfigError", "not valid JSON: \(error.message)", location: path)
        } catch {
            throw ConfigFileError("MockConfigError", "cannot read the file: \(error.localizedDescription)", location: path)
        }
        try self.init(json: json, file: path)
    }

    /// Checks a mock configuration; `file` prefixes the locations in errors.
    package init(json: JSON, file: String = "mock config") throws(ConfigFileError) {
        guard let root = json.objectValue else { throw MockedResponse.error("must be a JSON object", file) }
        var responses: [String: MockedResponse] = [:]
        for (name, value) in try Self.object(root["MockedResponses"], "\(file): MockedResponses") {
            responses[name] = try MockedResponse(name: name, json: value, location: "\(file): MockedResponses.\(name)")
        }
        var testCases: [String: [String: MockTestCase]] = [:]
        for (machine, value) in try Self.object(root["StateMachines"], "\(file): StateMachines") {
            let location = "\(file): StateMachines.\(machine).TestCases"
            for (name, states) in try Self.object(value["TestCases"], location) {
                let testCase = try MockTestCase(machine: machine, name: name, json: states, responses: responses, location: "\(location).\(name)")
                testCases[machine, default: [:]][name] = testCase
            }
        }
        self.testCases = testCases
        self.responses = responses
    }

    /// The test case `name` of `machine`. - Throws: when either is not in the file, listing what is.
    public func testCase(_ name: String, machine: String) throws(ConfigFileError) -> MockTestCase {
        guard let cases = testCases[machine] else {
            let known = testCases.keys.sorted().joined(separator: ", ")
            throw ConfigFileError("MockConfigError", "no state machine '\(machine)' in StateMachines (it has: \(known))", location: "StateMachines")
        }
        guard let testCase = cases[name] else {
            let known = cases.keys.sorted().joined(separator: ", ")
            throw ConfigFileError(
                "MockConfigError", "state machine '\(machine)' has no test case '\(name)' (it has: \(known))",
                location: "StateMachines.\(machine).TestCases")
        }
        return testCase
    }

    static func object(_ json: JSON?, _ location: String) throws(ConfigFileError) -> JSONObject {
        guard let json else { throw MockedResponse.error("is missing", location) }
        guard let object = json.objectValue else { throw MockedResponse.error("must be an object", location) }
        return object
    }
}

/// One test case: the mocked response of each mocked state.
public struct MockTestCase: Sendable {
    package let machine: String
    package let name: String
    /// Mocked responses by state name.
    package let states: [String: MockedResponse]

    init(machine: String, name: String, json: JSON, responses: [String: MockedResponse], location: String) throws(ConfigFileError) {
        guard let object = json.objectValue else { throw MockedResponse.error("must be an object of state names", location) }
        var states: [String: MockedResponse] = [:]
        for (state, value) in object {
            guard let responseName = value.stringValue else { throw MockedResponse.error("must name a mocked response", "\(location).\(state)") }
            guard let response = responses[responseName] else {
                throw MockedResponse.error("names '\(responseName)', which is not in MockedResponses", "\(location).\(state)")
            }
            states[state] = response
        }
        self.machine = machine
        self.name = name
        self.states = states
    }
}
