using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NetworkAnalysis.Storage;
using Spectre.Console;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan users [list | add NAME --role ROLE | invite NAME | remove NAME]</c>: the workbench accounts of a team case.</summary>
/// <remarks>
/// Whoever can write the case file manages its accounts. The store audits <c>users add</c>, <c>users invite</c> and
/// <c>users remove</c> itself; <c>users list</c> is recorded here. A case with an account is served with logins
/// (docs/workbench.md, "Team cases").
/// </remarks>
internal static class UsersCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("users", "Workbench accounts of a team case (admin, analyst, reviewer): list them, add one with a one-time invitation link, invite again, remove");
        command.Subcommands.Add(List(ctx, global));
        command.Subcommands.Add(Add(ctx, global));
        command.Subcommands.Add(Invite(ctx, global));
        command.Subcommands.Add(Remove(ctx, global));
        command.SetAction(parse => ListUsers(ctx, global, parse));
        return command;
    }

    private static Command List(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("list", "List the accounts: name, role, whether the invitation was taken up, who added and who removed each");
        command.SetAction(parse => ListUsers(ctx, global, parse));
        return command;
    }

    private static int ListUsers(CliContext ctx, GlobalOptions global, ParseResult parse)
    {
        using var store = CaseStore.Open(parse.GetValue(global.Case)!);
        CliAudit.Record(store, parse, global, "users list", store.Path);
        var users = store.ListUsers();
        if (parse.GetValue(global.Json))
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(users.Select(u => new
            {
                name = u.Name, role = u.RoleName, password_set = u.HasPassword, created_at = u.CreatedAt, created_by = u.CreatedBy,
                removed_at = u.DisabledAt, removed_by = u.DisabledBy,
            })));
            return ExitCodes.Success;
        }

        if (users.Count == 0)
        {
            ctx.Console.MarkupLine("No accounts: `netan serve` runs single-user on loopback. `netan users add NAME --role analyst` makes this a team case.");
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Name").AddColumn("Role").AddColumn("Password").AddColumn("Added").AddColumn("Status");
        foreach (var u in users)
        {
            table.AddRow(Safe(u.Name), u.RoleName, u.HasPassword ? "set" : "invited", Safe($"{u.CreatedAt} by {u.CreatedBy}"),
                u.IsEnabled ? "active" : Safe($"removed {u.DisabledAt} by {u.DisabledBy}"));
        }

        ctx.Console.Write(table);
        return ExitCodes.Success;
    }

    private static Command Add(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "Login name (also the name on every decision and audit entry of the user)" }.Kind(ValueKind.Text, "NAME");
        var role = new Option<string>("--role") { Description = "admin (manages accounts, and may do everything), analyst (annotates, decides, exports) or reviewer (reads, comments, challenges, signs off)", Required = true }.Kind(ValueKind.Text);
        var (hours, url) = (Hours(), Url());
        var command = new Command("add", "Add an account and print its one-time invitation link (the case keeps only the link's hash; the first visit sets the password)");
        command.Arguments.Add(name);
        command.Options.Add(role);
        command.Options.Add(hours);
        command.Options.Add(url);
        command.SetAction(parse =>
        {
            if (!CaseStore.TryParseRole(parse.GetValue(role), out var r))
            {
                throw new CliError($"--role must be admin, analyst or reviewer, not '{LogText.Safe(parse.GetValue(role) ?? "", 40)}'", ExitCodes.UsageOrInput);
            }

            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var invitation = store.AddUser(parse.GetValue(name)!, r, CliAudit.Actor(parse, global), TimeSpan.FromHours(parse.GetValue(hours)));
            return Print(ctx, global, parse, invitation, parse.GetValue(url)!, "Added");
        });
        return command;
    }

    private static Command Invite(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "Login name of an existing account" }.Kind(ValueKind.Text, "NAME");
        var (hours, url) = (Hours(), Url());
        var command = new Command("invite", "A new one-time link for an existing account (an expired link, a forgotten password); its earlier unused links stop working");
        command.Arguments.Add(name);
        command.Options.Add(hours);
        command.Options.Add(url);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var invitation = store.InviteUser(parse.GetValue(name)!, CliAudit.Actor(parse, global), TimeSpan.FromHours(parse.GetValue(hours)));
            return Print(ctx, global, parse, invitation, parse.GetValue(url)!, "Invited");
        });
        return command;
    }

    private static Command Remove(CliContext ctx, GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "Login name" }.Kind(ValueKind.Text, "NAME");
        var command = new Command("remove", "Disable an account: it cannot log in and its sessions end at their next request; its name stays on its decisions and in the audit log");
        command.Arguments.Add(name);
        command.SetAction(parse =>
        {
            using var store = CaseStore.Open(parse.GetValue(global.Case)!);
            var user = store.DisableUser(parse.GetValue(name)!, CliAudit.Actor(parse, global));
            if (parse.GetValue(global.Json))
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { name = user.Name, role = user.RoleName, removed_at = user.DisabledAt, removed_by = user.DisabledBy }));
            }
            else if (!parse.GetValue(global.Quiet))
            {
                ctx.Console.MarkupLine(Markup.Escape(LogText.Safe($"Removed {user.Name} ({user.RoleName}): no more logins; the name stays on its decisions and audit entries.", 1_000)));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<int> Hours() => new Option<int>("--expires-hours") { Description = "How long the link works", DefaultValueFactory = _ => 72 }.AtLeast(1, 24 * 30);

    private static Option<Uri> Url()
    {
        var url = OptionKinds.UrlOption("--url", "Where the workbench is served, for the link (default http://127.0.0.1:5080)");
        url.DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080");
        return url;
    }

    private static int Print(CliContext ctx, GlobalOptions global, ParseResult parse, CaseInvitation invitation, Uri url, string verb)
    {
        // The token travels in the fragment: browsers never send it to a server, so it stays out of access logs and Referer.
        var link = url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/#/invite/" + invitation.Token;
        if (parse.GetValue(global.Json))
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new { name = invitation.User.Name, role = invitation.User.RoleName, link, expires_at = invitation.ExpiresAt }));
            return ExitCodes.Success;
        }

        if (!parse.GetValue(global.Quiet))
        {
            ctx.Out.WriteLine(LogText.Safe(string.Create(CultureInfo.InvariantCulture,
                $"{verb} {invitation.User.Name} ({invitation.User.RoleName}). Send this one-time link; it sets the password and works until {invitation.ExpiresAt}:"), 1_000));
        }

        ctx.Out.WriteLine(link);
        return ExitCodes.Success;
    }

    private static string Safe(string text) => Markup.Escape(LogText.Safe(text, 200));
}
