using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan serve</c>: the investigator workbench in the browser, over one case file.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var port = new Option<int>("--port") { Description = "TCP port (0 picks a free one)", DefaultValueFactory = _ => 5080 }.AtLeast(0, 65535);
        var bind = new Option<string>("--bind") { Description = "Address to listen on; anything but loopback needs a token", DefaultValueFactory = _ => "127.0.0.1" }.Kind(ValueKind.IpAddress);
        var token = new Option<string?>("--token") { Description = "Access token every request must carry (generated and printed once when binding beyond loopback)" }.Kind(ValueKind.Text);
        var readOnly = new Option<bool>("--read-only") { Description = "Reviewer mode: reject every change with 403" };
        var command = new Command("serve", "Open the investigator workbench (search, cluster graph, ad view, review, export) in a local web server");
        foreach (var o in new Option[] { port, bind, token, readOnly })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var casePath = parse.GetValue(global.Case)!;
            int accounts;
            bool team;
            // On a PostgreSQL case the workbench writes through the same SQL (CaseDialect); several servers may share the case.
            var onPostgres = Storage.Postgres.PostgresCaseLocator.IsLocator(casePath);
            var reviewOnly = parse.GetValue(readOnly);
            using (var store = reviewOnly ? CaseStore.OpenReadOnly(casePath) : CaseStore.Open(casePath))
            {
                // Fails early, with the store's message, when the case is missing or not a case file.
                PhoneDetailsView.NoteIfComputed(ctx, store);
                accounts = store.ListUsers().Count(u => u.IsEnabled);
                team = store.HasUsers();
                if (accounts == 0 && team)
                {
                    ctx.Error.WriteLine("netan: warning: every account of this team case was removed; nobody can log in (`netan users add NAME --role admin`)");
                }
            }

            if (!IPAddress.TryParse(parse.GetValue(bind), out var address))
            {
                throw new CliError($"--bind must be an IP address, not '{parse.GetValue(bind)}'", ExitCodes.UsageOrInput);
            }

            var secret = parse.GetValue(token);
            var generated = false;
            if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(secret))
            {
                secret = WorkbenchHost.NewAccessToken();
                generated = true;
            }

            var options = new WorkbenchOptions
            {
                CasePath = casePath,
                Analyst = CliAudit.Actor(parse, global),
                ReadOnly = reviewOnly,
                Token = string.IsNullOrEmpty(secret) ? null : secret,
            };
            if (!WorkbenchHost.HasCytoscape)
            {
                ctx.Error.WriteLine("netan: warning: Cytoscape.js is missing (run `npm ci` in the repository root, then rebuild); the graph view will not work");
            }

            if (!parse.GetValue(global.Quiet))
            {
                ctx.Error.WriteLine("netan: preparing search indexes (the first start on a large case takes a while)...");
            }

            using var host = WorkbenchHost.CreateHostBuilder(options, web => web.UseKestrel(k => k.Listen(address, parse.GetValue(port))), logToConsole: true).Build();
            await host.StartAsync(ct);
            var url = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
            var open = options.Token is null ? url + "/" : $"{url}/?token={options.Token}";
            ctx.Out.WriteLine($"Workbench for {(onPostgres ? CaseStore.NameOf(casePath) : casePath)} at {open}");
            if (generated)
            {
                ctx.Out.WriteLine("A token was generated because the address is not loopback; it is printed only this once.");
            }

            ctx.Out.WriteLine(team
                ? $"Team case: {accounts} account{(accounts == 1 ? "" : "s")}, everyone logs in (`netan users` manages them){(options.ReadOnly ? "; read-only" : "")}. Press Ctrl+C to stop."
                : $"Analyst: {options.Analyst}{(options.ReadOnly ? " (read-only)" : "")}. Press Ctrl+C to stop.");
            ctx.Out.Flush();
            // Returns on Ctrl+C (the CLI's token) or SIGTERM (the host's console lifetime), after stopping the server.
            await host.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
