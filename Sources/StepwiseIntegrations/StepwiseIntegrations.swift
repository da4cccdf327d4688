/// Task integrations: mock config files, local commands and endpoints, HTTP Task, callbacks, activities, nested executions.
public enum StepwiseIntegrations {}
