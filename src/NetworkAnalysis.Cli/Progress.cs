using Spectre.Console;

namespace NetworkAnalysis.Cli;

/// <summary>Runs a long step with a progress bar on a terminal, or plain start/end lines otherwise.</summary>
internal static class Progress
{
    public static T Run<T>(CliContext ctx, bool quiet, string label, Func<IProgress<double>, T> work)
    {
        if (quiet)
        {
            return work(new Progress<double>(_ => { }));
        }

        if (!ctx.Interactive)
        {
            ctx.Error.WriteLine($"{label}...");
            var result = work(new Progress<double>(_ => { }));
            ctx.Error.WriteLine($"{label}: done");
            return result;
        }

        T value = default!;
        ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask(Markup.Escape(label), maxValue: 1.0);
                value = work(new SyncProgress(f => task.Value = Math.Clamp(f, 0, 1)));
                task.Value = 1.0;
            });
        return value;
    }

    /// <summary>Reports on the calling thread (System.Progress posts to the thread pool and can arrive late).</summary>
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
