namespace NetworkAnalysis.Storage;

/// <summary>The one-ingest-at-a-time lock of a case: an exclusive OS lock on <c>CASE.ingest-lock</c> beside the case file.</summary>
/// <remarks>
/// Two ingests of the same file both advanced its row counter (80,000 rows "read" of a 40,000-row file), so after a
/// crash the resume skipped rows neither had written. The operating system releases the lock when the holder exits,
/// killed or not, so a crash never leaves a case locked. The lock file is left in place: deleting it would let a
/// third ingest lock a new file while a second still holds the old one. Readers and the workbench never take it.
/// <see cref="CaseIngestor"/> takes it for each file unless this process already holds it; <c>netan ingest</c> takes it
/// before it opens the case, so a second ingest is refused at once instead of after waiting for the first one's writes.
/// </remarks>
public sealed class CaseIngestLock : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> HeldHere = new(StringComparer.Ordinal);
    private readonly FileStream _stream;
    private readonly string _casePath;
    private int _disposed;

    private CaseIngestLock(FileStream stream, string casePath)
    {
        _stream = stream;
        _casePath = casePath;
    }

    /// <summary>Takes the lock of the case at <paramref name="casePath"/>, or refuses at once when another ingest holds it.</summary>
    /// <exception cref="IOException">Another ingest (this process or another) holds the lock.</exception>
    public static CaseIngestLock Take(string casePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(casePath);
        var full = Path.GetFullPath(casePath);
        var path = full + ".ingest-lock";
        lock (Gate)
        {
            if (HeldHere.Contains(full))
            {
                throw Busy(casePath, null);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            try
            {
                // FileShare.None takes an exclusive lock the OS drops with the process (flock on Unix, a share lock on Windows).
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                HeldHere.Add(full);
                return new CaseIngestLock(stream, full);
            }
            catch (IOException ex) when (File.Exists(path) && ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                throw Busy(casePath, ex);
            }
        }
    }

    /// <summary>Takes the lock unless this process holds it already (then the result releases nothing).</summary>
    internal static IDisposable TakeUnlessHeld(string fullCasePath)
    {
        lock (Gate)
        {
            return HeldHere.Contains(fullCasePath) ? new NotHeld() : Take(fullCasePath);
        }
    }

    private static IOException Busy(string casePath, Exception? inner) => new(
        $"another `netan ingest` is writing {casePath} right now; wait for it to finish, then run this command again (two ingests at once would count rows twice)", inner);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        lock (Gate)
        {
            _stream.Dispose();
            HeldHere.Remove(_casePath);
        }
    }

    private sealed class NotHeld : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
