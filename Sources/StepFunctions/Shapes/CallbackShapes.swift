/// What SendTaskSuccess asks for: the task's token and its output as JSON text.
package struct SendTaskSuccessInput: Sendable {
    package var taskToken: String
    package var output: String

    package init(taskToken: String, output: String) {
        self.taskToken = taskToken
        self.output = output
    }
}

/// What SendTaskFailure asks for.
package struct SendTaskFailureInput: Sendable {
    package var taskToken: String
    package var error: String?
    package var cause: String?

    package init(taskToken: String, error: String? = nil, cause: String? = nil) {
        self.taskToken = taskToken
        self.error = error
        self.cause = cause
    }
}

/// What SendTaskHeartbeat asks for.
package struct SendTaskHeartbeatInput: Sendable {
    package var taskToken: String

    package init(taskToken: String) { self.taskToken = taskToken }
}

/// What CreateActivity asks for.
package struct CreateActivityInput: Sendable {
    package var name: String
    package var tags: [String: String]
    package var encryption: EncryptionConfigurationInput?

    package init(name: String, tags: [String: String] = [:], encryption: EncryptionConfigurationInput? = nil) {
        self.name = name
        self.tags = tags
        self.encryption = encryption
    }
}

/// What DescribeActivity and DeleteActivity ask for.
package struct ActivityInput: Sendable {
    package var activityArn: String

    package init(activityArn: String) { self.activityArn = activityArn }
}

/// What ListActivities asks for.
package typealias ListActivitiesInput = PageRequest

/// What GetActivityTask asks for.
package struct GetActivityTaskInput: Sendable {
    package var activityArn: String
    package var workerName: String?

    package init(activityArn: String, workerName: String? = nil) {
        self.activityArn = activityArn
        self.workerName = workerName
    }
}
