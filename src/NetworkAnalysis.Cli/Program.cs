using NetworkAnalysis.Cli;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await NetanApp.RunAsync(args, CliContext.ForProcess(), cts.Token);
