import Foundation
import JSON
import StatesLanguage
import StepFunctions
import Stepwise

/// One state machine to deploy: `NAME.asl.json` is the state machine NAME.
package struct Workflow: Sendable {
    package var name: String
    package var path: String
    package var definition: String
    /// The role the settings beside the file (`stepwise.json`: `deploy.roleArn`) give, if any.
    package var roleArn: String?

    static let suffix = WorkflowDirectory.suffix
    /// AWS's limit on a definition (CreateStateMachine's `definition` member).
    static let maxDefinitionBytes = 1_048_576

    /// The workflows of `paths` (folders: their `NAME.asl.json` files; files named `NAME.asl.json`), sorted by
    /// name within each folder. - Throws: ``DeployError`` for a path that is neither, or a name given twice.
    package static func find(_ paths: [String]) throws(DeployError) -> [Workflow] {
        var workflows: [Workflow] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DeployError("\(path): no such file or folder")
            }
            let found = isDirectory.boolValue ? try folder(path) : [try file(path)]
            for workflow in found {
                if let other = workflows.first(where: { $0.name == workflow.name }) {
                    throw DeployError("\(workflow.path) and \(other.path) are both the state machine '\(workflow.name)'")
                }
                workflows.append(workflow)
            }
        }
        return workflows
    }

    static func folder(_ path: String) throws(DeployError) -> [Workflow] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let files = entries.filter { $0.hasSuffix(suffix) && $0.count > suffix.count }.sorted()
        guard !files.isEmpty else { throw DeployError("\(path): no \(suffix) files") }
        var workflows: [Workflow] = []
        for file in files { workflows.append(try Self.file((path as NSString).appendingPathComponent(file))) }
        return workflows
    }

    static func file(_ path: String) throws(DeployError) -> Workflow {
        let fileName = (path as NSString).lastPathComponent
        guard fileName.hasSuffix(suffix), fileName.count > suffix.count else {
            throw DeployError("\(path): a workflow file is named NAME\(suffix), NAME being the state machine's name")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DeployError("\(path): cannot read the file as UTF-8 text")
        }
        let roleArn = try DeploySettings.roleArn(beside: path)
        return Workflow(name: String(fileName.dropLast(suffix.count)), path: path, definition: text, roleArn: roleArn)
    }

    /// What AWS would refuse in CreateStateMachine or UpdateStateMachine, found here without a request: the name,
    /// the definition's size, and every error of the definition (as `stepwise validate` prints them).
    package func problems() -> [String] {
        guard ExecutionName.isValid(name) else { return ["\(path): InvalidName: Invalid Name: '\(name)'"] }
        guard definition.utf8.count <= Self.maxDefinitionBytes else {
            return ["\(path): the definition is \(definition.utf8.count) bytes, more than AWS's \(Self.maxDefinitionBytes)"]
        }
        let report = StepFunctionsService.validateStateMachineDefinition(ValidateStateMachineDefinitionInput(definition: definition))
        return report.diagnostics.filter { $0.severity == .error }.map { "\(path): \($0)" }
    }
}

/// Why deploy stopped before changing anything, or what it could not do: one message for the user.
package struct DeployError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
