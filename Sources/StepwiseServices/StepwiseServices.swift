/// Local AWS services for workflows: DynamoDB, S3, RDS Data API and a resource catalogue on embedded stores.
public enum StepwiseServices {}
