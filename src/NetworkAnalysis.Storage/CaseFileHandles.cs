using Microsoft.Win32.SafeHandles;

namespace NetworkAnalysis.Storage;

/// <summary>One open handle per case file this process has open, so reading the file's bytes never closes a descriptor on it.</summary>
/// <remarks>
/// SQLite marks a WAL connection as alive with a POSIX advisory lock on the case file, and POSIX drops every lock a
/// process holds on a file when the process closes <em>any</em> descriptor of that file. Reading the header with a
/// fresh <see cref="FileStream"/> while a connection was open therefore silently unlocked that connection; the next
/// other client (the <c>sqlite3</c> shell, Python, a second <c>netan</c>) to close then believed itself the last one,
/// checkpointed and deleted the <c>-wal</c> and <c>-shm</c> files under the workbench, whose later commits went to the
/// deleted log and were lost, or damaged the case. Here the process keeps one handle per case file from before its first
/// connection opens until after its last one closes, and every read of the raw bytes goes through that handle.
/// </remarks>
internal static class CaseFileHandles
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Entry> Open = new(StringComparer.Ordinal);

    /// <summary>Registers one more connection to the file; dispose the result after the connection is closed.</summary>
    /// <param name="fullPath">The case file's full path.</param>
    /// <param name="create">Create an empty file when none exists (a new case).</param>
    /// <param name="beforeFirst">Runs under the registry's lock when no connection of this process has the file open (the header check).</param>
    public static IDisposable Acquire(string fullPath, bool create, Action? beforeFirst = null)
    {
        lock (Gate)
        {
            if (Open.TryGetValue(fullPath, out var entry))
            {
                entry.Count++;
            }
            else
            {
                beforeFirst?.Invoke();
                Open[fullPath] = new Entry(OpenHandle(fullPath, create));
            }

            return new Registration(fullPath);
        }
    }

    /// <summary>Reads from the start of the file through the registered handle, or a temporary one when the file is not open here.</summary>
    public static int ReadStart(string fullPath, Span<byte> buffer)
    {
        lock (Gate)
        {
            if (Open.TryGetValue(fullPath, out var entry))
            {
                return ReadAll(entry.Handle, buffer);
            }

            // No connection of this process has the file open, so closing this handle unlocks nothing.
            using var handle = OpenHandle(fullPath, create: false);
            return ReadAll(handle, buffer);
        }
    }

    private static int ReadAll(SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer[total..], total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private static SafeFileHandle OpenHandle(string fullPath, bool create) => create && !File.Exists(fullPath)
        ? File.OpenHandle(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)
        : File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static void Release(string fullPath)
    {
        lock (Gate)
        {
            if (Open.TryGetValue(fullPath, out var entry) && --entry.Count == 0)
            {
                Open.Remove(fullPath);
                entry.Handle.Dispose();
            }
        }
    }

    private sealed class Entry(SafeFileHandle handle)
    {
        public SafeFileHandle Handle { get; } = handle;

        public int Count { get; set; } = 1;
    }

    private sealed class Registration(string fullPath) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Release(fullPath);
            }
        }
    }
}
