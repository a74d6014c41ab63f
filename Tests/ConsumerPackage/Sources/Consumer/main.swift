// Uses the core SDK only: builds without libcurl headers.
import ChorusSDK

let total = Amount(minorUnits: 104_107)
print("ChorusSDK core linked without libcurl headers; sandbox API at \(ChorusEnvironment.sandbox.apiBaseURL), total \(total)")
