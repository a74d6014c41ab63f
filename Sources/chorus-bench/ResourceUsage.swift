// This process's resource usage, as the sections measure it: CPU time and context switches (getrusage), resident
// memory and its high-water mark (/proc/self/status, Linux; 0 elsewhere).
import Foundation

/// A `kB` field of `/proc/self/status` (`VmHWM`, `VmRSS`), in bytes; 0 where there is none.
private func statusBytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes * 1024
}

/// Resident-set high-water mark since the last reset, in bytes.
func peakResident() -> Int { statusBytes("VmHWM") }

/// Resident set now, in bytes.
func currentResident() -> Int { statusBytes("VmRSS") }

/// Resets the high-water mark (`echo 5 > /proc/self/clear_refs`).
func resetPeak() { try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8) }

/// This process's resource usage so far.
func usageNow() -> rusage {
    var usage = rusage()
    #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage
}

/// This process's context switches so far (voluntary and not): each one a thread that slept and was woken, the
/// price of a hop between executors that finds no thread running.
func contextSwitches() -> Int {
    let usage = usageNow()
    return usage.ru_nvcsw + usage.ru_nivcsw
}

/// This process's CPU time (user + system) so far.
func cpuTime() -> Duration {
    let usage = usageNow()
    let micros =
        Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
        + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    return .microseconds(micros)
}
