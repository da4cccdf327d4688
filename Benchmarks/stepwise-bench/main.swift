import Foundation
import JSON

print("stepwise-bench: no benchmarks yet")
