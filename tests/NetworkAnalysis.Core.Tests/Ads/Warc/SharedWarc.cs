using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Ads.Warc;

/// <summary>The one place WARC tests find ../shared/testdata/warc: fails in CI when it is missing, else prints why the test skips.</summary>
internal static class SharedWarc
{
    /// <summary>Full path of a file under ../shared/testdata/warc, or null (the reason already printed) when absent outside CI.</summary>
    public static string? File(string name) => TestData.Shared(Path.Combine("warc", name));
}
