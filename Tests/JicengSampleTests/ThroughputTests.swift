import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import JicengSample

/// The generator is fast enough for benchmark drops. The release build writes well over
/// 100 MB/s; this checks that even the debug build of the tests writes 100k requests in well
/// under a few seconds. It measures the CPU time of the calling thread, so that other tests and
/// builds running at the same time on the machine do not make it flaky.
@Suite struct ThroughputTests {
    private static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    @Test func hundredThousandRequestsInWellUnderAFewSeconds() throws {
        let folder = try TestSupport.temporaryFolder("speed")
        defer { TestSupport.remove(folder) }
        var configuration = SampleDropConfiguration.shishou2022Q2
        configuration.requests = 100_000
        configuration.requestStatuses = nil
        configuration.services = 10_000
        let start = ThroughputTests.threadCPUSeconds()
        let summary = try SampleDropGenerator(configuration).write(to: folder)
        let seconds = ThroughputTests.threadCPUSeconds() - start
        let megabytes = Double(summary.totalBytes) / 1_000_000
        print("sample generator: \(summary.records("requests")) requests, \(megabytes) MB in \(seconds) s CPU = \(megabytes / seconds) MB/s")
        #expect(summary.requests().received == 100_000)
        #expect(seconds < 2.5)
    }
}
