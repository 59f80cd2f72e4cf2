namespace NetworkAnalysis.Core.Imaging;

/// <summary>Resolves image paths named by ads against the input file's folder, refusing any path that leads out of it.</summary>
/// <remarks>
/// Ads are hostile input: a path like <c>../../etc/passwd</c>, <c>/etc/passwd</c>, <c>C:\x</c>, a URL, or a symlink
/// inside the folder that points outside it is refused with <see cref="ImageErrorKind.PathRefused"/>. Containment is
/// checked on the canonical path (every symlink along the way resolved), so links that stay inside are allowed.
/// </remarks>
public sealed class ImagePathResolver
{
    private const int MaxLinkHops = 40;
    private readonly string _root;

    /// <summary>Creates a resolver for paths named in <paramref name="inputFile"/>.</summary>
    /// <param name="inputFile">The ads file; its folder is the root images must stay in.</param>
    public ImagePathResolver(string inputFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputFile);
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputFile)) ?? Path.GetPathRoot(Path.GetFullPath(inputFile))!;
        _root = Canonical(folder) ?? folder;
    }

    /// <summary>The canonical folder images must stay in.</summary>
    public string Root => _root;

    /// <summary>Resolves one path from an ad.</summary>
    public ImagePathResult Resolve(string? relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return Refuse("empty path");
        }

        if (relativePath.Contains("://", StringComparison.Ordinal) || relativePath.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("a URL, not a file path");
        }

        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse("path contains a NUL character");
        }

        var normalised = relativePath.Replace('\\', '/');
        if (normalised.StartsWith('/') || normalised.StartsWith('~') || (normalised.Length >= 2 && normalised[1] == ':') || Path.IsPathRooted(normalised))
        {
            return Refuse("absolute paths are not allowed");
        }

        var lexical = Path.GetFullPath(Path.Combine(_root, normalised.Replace('/', Path.DirectorySeparatorChar)));
        if (!Inside(lexical))
        {
            return Refuse("path escapes the input's folder");
        }

        var canonical = Canonical(lexical);
        if (canonical is null)
        {
            return Refuse("too many symbolic links");
        }

        return Inside(canonical) ? new ImagePathResult(canonical, null) : Refuse("a symbolic link leads out of the input's folder");
    }

    private bool Inside(string path)
    {
        var root = Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(root, comparison);
    }

    /// <summary>The path with every existing symlink component resolved (realpath); null after too many hops.</summary>
    private static string? Canonical(string fullPath)
    {
        var hops = 0;
        var current = fullPath;
        while (true)
        {
            var root = Path.GetPathRoot(current)!;
            var parts = current[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var resolved = root;
            var restart = false;
            for (var i = 0; i < parts.Length; i++)
            {
                var candidate = Path.Combine(resolved, parts[i]);
                FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
                if (info.LinkTarget is { } target)
                {
                    if (++hops > MaxLinkHops)
                    {
                        return null;
                    }

                    var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                    var targetFull = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(resolved, target));
                    current = rest.Length == 0 ? targetFull : Path.Combine(targetFull, rest);
                    restart = true;
                    break;
                }

                resolved = candidate;
            }

            if (!restart)
            {
                return resolved;
            }
        }
    }

    private static ImagePathResult Refuse(string message) => new(null, new ImageError(ImageErrorKind.PathRefused, message));
}
