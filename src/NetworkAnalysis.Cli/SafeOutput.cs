namespace NetworkAnalysis.Cli;

/// <summary>Where export, report and chart write: never through a symbolic link, never over an existing file unless forced.</summary>
/// <remarks>
/// Files are written into a staging folder inside the output folder, then every target is checked (no link, no existing
/// file without <c>--force</c>) before any is moved into place by rename, which replaces a directory entry and never
/// follows a link. A refusal leaves the output folder as it was.
/// </remarks>
internal sealed class SafeOutput : IDisposable
{
    private readonly string _folder;
    private readonly bool _force;

    private SafeOutput(string folder, string staging, bool force)
    {
        _folder = folder;
        Staging = staging;
        _force = force;
    }

    /// <summary>The folder the command writes into; <see cref="Publish"/> moves its files to the output folder.</summary>
    public string Staging { get; }

    /// <summary>Prepares output folder <paramref name="folder"/> (created if missing); refuses one that is a symbolic link.</summary>
    public static SafeOutput ForFolder(string folder, bool force)
    {
        var full = Path.GetFullPath(folder);
        RefuseLink(full, folder);
        if (File.Exists(full))
        {
            throw new CliError($"--out {LogText.Safe(folder, 300)} is a file, not a folder");
        }

        Directory.CreateDirectory(full);
        var staging = Path.Combine(full, ".netan-partial-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        return new SafeOutput(full, staging, force);
    }

    /// <summary>Refuses output file <paramref name="path"/> when it is a symbolic link, or exists and <paramref name="force"/> is off.</summary>
    public static void CheckFile(string path, bool force)
    {
        var full = Path.GetFullPath(path);
        RefuseLink(full, path);
        if (Directory.Exists(full))
        {
            throw new CliError($"--out {LogText.Safe(path, 300)} is a folder, not a file");
        }

        if (File.Exists(full) && !force)
        {
            throw new CliError($"{LogText.Safe(path, 300)} exists; pass --force to replace it");
        }
    }

    /// <summary>Writes output file <paramref name="path"/> through a temporary file beside it, after <see cref="CheckFile"/>.</summary>
    public static async Task WriteFileAsync(string path, bool force, Func<string, Task> write)
    {
        CheckFile(path, force);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, ".netan-partial-" + Guid.NewGuid().ToString("N") + Path.GetExtension(full));
        try
        {
            await write(temp);
            CheckFile(path, force);
            File.Move(temp, full, overwrite: force);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Refuses, as <see cref="Publish"/> would, when a target of <paramref name="stagedFiles"/> is a link, a folder, or an
    /// existing file without <c>--force</c>; commands call it before their audit entry, so a refused command records nothing.</summary>
    public void Check(IEnumerable<string> stagedFiles) => Check(Moves(stagedFiles));

    /// <summary>Moves <paramref name="stagedFiles"/> (paths under <see cref="Staging"/>) into the output folder, after checking every target.</summary>
    /// <returns>The files' paths in the output folder, in the given order.</returns>
    public IReadOnlyList<string> Publish(IEnumerable<string> stagedFiles)
    {
        var moves = Moves(stagedFiles);
        Check(moves);
        foreach (var (from, to) in moves)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(from, to, overwrite: _force);
        }

        return moves.Select(m => m.To).ToList();
    }

    private List<(string From, string To)> Moves(IEnumerable<string> stagedFiles)
        => stagedFiles.Select(f => (From: f, To: Path.Combine(_folder, Path.GetRelativePath(Staging, f)))).ToList();

    private void Check(List<(string From, string To)> moves)
    {
        foreach (var (_, to) in moves)
        {
            for (var dir = Path.GetDirectoryName(to)!; dir.Length > _folder.Length; dir = Path.GetDirectoryName(dir)!)
            {
                RefuseLink(dir, dir);
            }

            RefuseLink(to, to);
            if (Directory.Exists(to))
            {
                throw new CliError($"{LogText.Safe(to, 300)} is a folder; nothing was written");
            }

            if (File.Exists(to) && !_force)
            {
                throw new CliError($"{LogText.Safe(to, 300)} exists; pass --force to replace it (nothing was written)");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Staging, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static void RefuseLink(string full, string shown)
    {
        // LinkTarget reads the entry itself (lstat/readlink): a link, dangling or not, is refused whatever it points at.
        if (new FileInfo(full).LinkTarget is not null)
        {
            throw new CliError($"{LogText.Safe(shown, 300)} is a symbolic link; refusing to write through it (name a real file or folder)");
        }
    }
}
