import Foundation
import Stepwise
import StepwiseServices

print("migration-example: see workflows/README.md")
