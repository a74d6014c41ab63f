// swift-tools-version:6.1
// ChorusSDK's integrations with other Swift packages, one product each, so that the main package keeps no
// dependency: a user adds only the integration they use. SwiftNIO and its neighbours build once for all of them.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ChorusIntegrations",
    platforms: [.macOS(.v13)],
    products: [
        // A SubmissionJournal on PostgreSQL: exactly once across processes and machines that share a database.
        .library(name: "ChorusPostgresJournal", targets: ["ChorusPostgresJournal"]),
    ],
    dependencies: [
        .package(name: "ChorusSDK", path: ".."),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        .target(name: "ChorusPostgresJournal",
                dependencies: [.product(name: "ChorusSDK", package: "ChorusSDK"),
                               .product(name: "PostgresNIO", package: "postgres-nio")],
                swiftSettings: strictSettings),
        // A worker process for the multi-machine tests: workers that share only the database.
        .executableTarget(name: "postgres-journal-worker",
                          dependencies: ["ChorusPostgresJournal",
                                         .product(name: "ChorusMock", package: "ChorusSDK"),
                                         .product(name: "ChorusSDKCurl", package: "ChorusSDK")],
                          swiftSettings: strictSettings),
        // What a submit costs with the PostgreSQL journal (chorus-bench prints the other journals).
        .executableTarget(name: "postgres-journal-bench",
                          dependencies: ["ChorusPostgresJournal",
                                         .product(name: "ChorusMock", package: "ChorusSDK"),
                                         .product(name: "ChorusSDKCurl", package: "ChorusSDK")],
                          swiftSettings: strictSettings),
        .testTarget(name: "ChorusPostgresJournalTests",
                    dependencies: ["ChorusPostgresJournal",
                                   .product(name: "ChorusMock", package: "ChorusSDK")],
                    swiftSettings: strictSettings),
    ]
)
