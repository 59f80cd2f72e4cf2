using NetworkAnalysis.Reporting.Chromium;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Reporting.Tests.Chromium;

public sealed class ChromiumLocatorTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Executable(string folder, string name)
    {
        var dir = Directory.CreateDirectory(_dir.File(folder)).FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    [Fact]
    public void Find_OnlyOnPath_FindsTheFirstNameInPathOrder()
    {
        // Given google-chrome in one PATH folder and chromium-browser in a later one
        var chrome = Executable("a", "google-chrome");
        var browser = Executable("b", "chromium-browser");
        var env = new Dictionary<string, string?> { ["PATH"] = $"{_dir.File("none")}{Path.PathSeparator}{Path.GetDirectoryName(chrome)}{Path.PathSeparator}{Path.GetDirectoryName(browser)}" };

        // When / Then: names are tried in order (chromium, chromium-browser, google-chrome), each across PATH
        ChromiumLocator.Find(k => env.GetValueOrDefault(k)).ShouldBe(browser);
    }

    [Fact]
    public void Find_Variables_WinOverPathInOrder()
    {
        var onPath = Executable("p", "chromium");
        var env = new Dictionary<string, string?> { ["PATH"] = Path.GetDirectoryName(onPath), ["CHROME_PATH"] = "/opt/chrome/chrome" };
        ChromiumLocator.Find(k => env.GetValueOrDefault(k)).ShouldBe("/opt/chrome/chrome");
        env["NETAN_CHROMIUM"] = "/opt/netan/chromium";
        ChromiumLocator.Find(k => env.GetValueOrDefault(k)).ShouldBe("/opt/netan/chromium");
        env["NETAN_CHROMIUM"] = "  ";
        env["CHROME_PATH"] = null;
        ChromiumLocator.Find(k => env.GetValueOrDefault(k)).ShouldBe(onPath);
    }

    [Fact]
    public void Find_NothingAnywhere_ReturnsNullAndTheRunnerSaysWhereItLooked()
    {
        ChromiumLocator.Find(k => k == "PATH" ? _dir.Path : null).ShouldBeNull();
        ChromiumLocator.Searched.ShouldContain("CHROME_PATH");
        ChromiumLocator.Searched.ShouldContain("chromium-browser");
    }
}
