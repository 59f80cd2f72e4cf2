using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Tests.Imaging;

public sealed class ImagePathResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netan-resolver-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("img/../../secret.png")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\x.png")]
    [InlineData("https://example.com/a.png")]
    [InlineData("")]
    public void Resolve_EscapingOrAbsolute_IsRefused(string path)
    {
        // Given an input file in a folder
        var resolver = new ImagePathResolver(Path.Combine(_root, "in", "ads.jsonl"));

        // When resolving a hostile path
        var result = resolver.Resolve(path);

        // Then it is refused
        result.Error!.Kind.ShouldBe(ImageErrorKind.PathRefused);
    }

    [Fact]
    public void Resolve_SymlinkLeadingOut_IsRefusedAndInsideIsAllowed()
    {
        // Given a folder with a symlink pointing outside it and a plain file inside
        var input = Directory.CreateDirectory(Path.Combine(_root, "in")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(input, "link"), Path.Combine(_root, "outside"));
        Directory.CreateDirectory(Path.Combine(input, "img"));
        var resolver = new ImagePathResolver(Path.Combine(input, "ads.jsonl"));

        // When resolving through the link and a normal relative path
        var outward = resolver.Resolve("link/a.png");
        var inside = resolver.Resolve("img/a.png");

        // Then only the path that stays inside resolves
        outward.Error!.Kind.ShouldBe(ImageErrorKind.PathRefused);
        inside.FullPath.ShouldBe(Path.Combine(resolver.Root, "img", "a.png"));
    }
}
