using NetworkAnalysis.Core.Imaging;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Core.Tests.Imaging;

public sealed class TurboJpegTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netan-turbojpeg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadFor_PathToNoFile_NoApiAndAReasonNamingTheVariableAndPath()
    {
        // Given a path where no library is
        var path = Path.Combine(_dir, "absent", "libturbojpeg.so.0");

        // When
        var (api, missing) = TurboJpeg.LoadFor(path);

        // Then
        api.ShouldBeNull();
        missing.ShouldBe($"libturbojpeg could not be loaded from NETAN_TURBOJPEG_PATH={path} (unset it to use the installed libturbojpeg0)");
    }

    [Fact]
    public void LoadFor_FileThatIsNoLibraryOrLacksTheExports_NoApi()
    {
        // Given a text file named like the library, and a real native library that is not libturbojpeg
        var text = Path.Combine(_dir, "libturbojpeg.so.0");
        File.WriteAllText(text, "not a shared object");
        var other = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!,
            OperatingSystem.IsWindows() ? "clrjit.dll" : OperatingSystem.IsMacOS() ? "libSystem.Native.dylib" : "libSystem.Native.so");
        File.Exists(other).ShouldBeTrue(other);

        // When / Then: neither throws, neither gives an API (the missing exports free the library again)
        TurboJpeg.LoadFor(text).Api.ShouldBeNull();
        TurboJpeg.LoadFor(other).Api.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void LoadFor_UnsetOrBlank_TriesTheUsualNamesWithTheInstallHint(string? value)
    {
        var (api, missing) = TurboJpeg.LoadFor(value);

        missing.ShouldBe(JpegCodec.MissingLibrary);
        (api is not null).ShouldBe(TurboJpeg.Load(TurboJpeg.DefaultNames()) is not null);
    }

    [SkippableFact]
    public void LoadFor_PathOfTheInstalledLibrary_LoadsIt()
    {
        // Given the installed libturbojpeg's file, where the usual names find one
        var installed = new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib" }
            .Select(d => Path.Combine(d, "libturbojpeg.so.0"))
            .FirstOrDefault(File.Exists);
        Prerequisite.Require(TurboJpeg.Load(TurboJpeg.DefaultNames()) is not null && installed is not null,
            "libturbojpeg0 installed in a standard folder (something to point the variable at)", Prerequisite.Apt("libturbojpeg0"));

        // When / Then: an explicit path is enough
        TurboJpeg.LoadFor(installed).Api.ShouldNotBeNull();
    }
}
