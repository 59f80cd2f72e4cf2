using System.Diagnostics;
using System.Globalization;
using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Storage.Tests;

/// <summary>A graph snapshot's temporary file left by a killed analyze (<c>CASE.graph.tmp-PID</c>) is swept on the next
/// read-write open when its process is gone, and left alone while it runs.</summary>
public sealed class GraphSnapshotSweepTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_StaleSnapshotTemporaryOfADeadProcess_IsDeleted_ARunningOnesIsKept()
    {
        // Given a case, a temporary snapshot file of a process that has exited, one of a process still running, and a
        // file that only looks similar
        var casePath = _dir.File("c.case");
        using (CaseStore.Open(casePath, create: true))
        {
        }

        int deadPid;
        using (var dead = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            dead.WaitForExit();
            deadPid = dead.Id;
        }

        using var running = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        try
        {
            var stale = casePath + ".graph.tmp-" + deadPid.ToString(CultureInfo.InvariantCulture);
            var live = casePath + ".graph.tmp-" + running.Id.ToString(CultureInfo.InvariantCulture);
            var other = casePath + ".graph.tmp-notapid";
            foreach (var file in new[] { stale, live, other })
            {
                File.WriteAllBytes(file, [1, 2, 3]);
            }

            // When the case is opened read-write, and opened read-only
            using (CaseStore.OpenReadOnly(casePath))
            {
            }

            File.Exists(stale).ShouldBeTrue("a read-only open writes nothing beside the case");
            using (CaseStore.Open(casePath))
            {
            }

            // Then only the dead process's file is gone
            File.Exists(stale).ShouldBeFalse();
            File.Exists(live).ShouldBeTrue();
            File.Exists(other).ShouldBeTrue();
        }
        finally
        {
            running.Kill();
            running.WaitForExit();
        }
    }
}
