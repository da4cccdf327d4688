import JSON
import Stepwise

extension ResourcesResolver {
    /// `lambda:invoke`: finds the function's entry by `FunctionName` (and `Qualifier`), runs it with `Payload`,
    /// and wraps its output in AWS's invoke response. `InvocationType` as Lambda: `RequestResponse` (default)
    /// waits for the result; `Event` starts the function without waiting (StatusCode 202, empty Payload);
    /// `DryRun` only checks that the function exists (StatusCode 204). With a Lambda control plane (the local
    /// services' `publishVersion`, aliases and `updateFunctionCode`), a version or alias runs the code it names.
    func invokeHandler() -> TaskHandler {
        let file = self.file
        let versions = self.versions
        return { input, context in
            guard let text = input["FunctionName"]?.stringValue, var function = FunctionName(text) else {
                throw StatesError(
                    "Lambda.InvalidParameterValueException",
                    "The lambda:invoke parameters need a FunctionName: a function name, or a partial or full ARN.")
            }
            if function.qualifier == nil, let qualifier = input["Qualifier"]?.stringValue,
                let qualified = FunctionName("\(function.name):\(qualifier)")
            {
                function = FunctionName(region: function.region, account: function.account, qualified)
            }
            let (region, account) = Self.regionAndAccount(context.executionArn)
            let code = try versions()?.code(
                function: function.name, arn: function.arn(region: region, account: account), qualifier: function.qualifier)
            guard let entry = file.entry(for: Self.candidates(function, code, region: region, account: account)) else {
                throw StatesError(
                    "Lambda.ResourceNotFoundException",
                    "Function not found: \(function.arn(region: region, account: account)) "
                        + "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException): no entry of the resources file matches it.")
            }
            let call = ResourceCall(entry: entry, flavor: .lambda, folder: file.folder)
            let version = code?.version ?? function.qualifier.flatMap { Int($0) }.map(String.init) ?? "$LATEST"
            let event = input["Payload"] ?? .object(JSONObject())
            switch input["InvocationType"]?.stringValue ?? "RequestResponse" {
            case "RequestResponse":
                return LambdaInvokeResult.shape(payload: try await call.perform(event), version: version)
            case "Event":
                Task.detached { _ = try? await call.perform(event) }
                return LambdaInvokeResult.shape(payload: "", statusCode: 202, version: version)
            case "DryRun":
                return LambdaInvokeResult.shape(payload: "", statusCode: 204, version: version)
            case let other:
                throw StatesError(
                    "Lambda.InvalidParameterValueException",
                    "1 validation error detected: Value '\(other)' at 'invocationType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]")
            }
        }
    }

    /// The names to look the function up by: without a control plane's answer, the function's own (qualified)
    /// names; with one, the unqualified function's names, or those of the code the version was published with.
    static func candidates(_ function: FunctionName, _ code: LambdaCode?, region: String, account: String) -> [String] {
        guard let code else { return function.candidates(region: region, account: account) }
        let name = code.key ?? function.name
        guard let named = FunctionName(name), named.qualifier == nil else { return [name] }
        return [name] + named.candidates(region: region, account: account)
    }

    /// The region and account of an execution ARN (`arn:aws:states:REGION:ACCOUNT:execution:…`).
    static func regionAndAccount(_ executionArn: String) -> (String, String) {
        let parts = executionArn.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        return parts.count > 4 ? (parts[3], parts[4]) : ("us-east-1", "123456789012")
    }
}

extension FunctionName {
    /// `qualified` with the region and account of the original name.
    init(region: String?, account: String?, _ qualified: FunctionName) {
        self = qualified
        self.region = region
        self.account = account
    }
}
