using System.Runtime.InteropServices;

namespace NetworkAnalysis.Storage;

/// <summary>Lowers the scheduling priority of the calling thread (Linux: its nice value), so that the threads it competes with
/// for a core, above all an ingest's single SQLite writer, run first (#21).</summary>
/// <remarks>
/// Raising a nice value needs no privilege. On Linux <c>setpriority(PRIO_PROCESS, tid, n)</c> changes one thread, and with the
/// kernel's autogroups (the default) only against the threads of the same process group, so a niced thread competes with the
/// rest of its own process, not with other programs more than before. Elsewhere (Windows, macOS) this does nothing: the
/// extraction threads there run at the writer's priority, as before.
/// </remarks>
internal static class ThreadNice
{
    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value to <paramref name="nice"/> (0..19, higher runs later); false where the OS
    /// does not support it or refused.</summary>
    public static bool Lower(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice <= 0)
        {
            return false;
        }

        try
        {
            return SetPriority(PrioProcess, GetTid(), Math.Min(nice, 19)) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetTid();
}
