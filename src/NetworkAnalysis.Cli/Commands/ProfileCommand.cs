using System.CommandLine;
using NetworkAnalysis.Core.Ads.Html;

namespace NetworkAnalysis.Cli.Commands;

/// <summary><c>netan profile test PROFILE PAGE</c>: prints what a site profile reads from a saved ad page.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliContext ctx, GlobalOptions global)
    {
        var command = new Command("profile", "Site profiles: how ad pages (HTML, WARC, crawl records) are read");
        var profileArg = new Argument<string>("profile") { Description = "A site profile (YAML), or 'generic' for the fallback reader, or a built-in profile's name" };
        var pageArg = new Argument<string>("page") { Description = "A saved ad page (HTML)" }.Kind(ValueKind.InputFile, "page");
        var url = new Option<string?>("--url") { Description = "The page's URL, when it was saved without one (the ad ID may come from it)" }.Kind(ValueKind.Text);
        var test = new Command("test", "Print what the profile reads from a page: every field, the photos and the ad");
        test.Arguments.Add(profileArg);
        test.Arguments.Add(pageArg);
        test.Options.Add(url);
        test.SetAction(parse =>
        {
            var name = parse.GetValue(profileArg)!;
            SiteProfile? profile = null;
            if (name != "generic")
            {
                profile = SiteProfiles.BuiltIn.FirstOrDefault(p => p.Name == name);
                if (profile is null)
                {
                    try
                    {
                        profile = SiteProfileParser.Load(name);
                    }
                    catch (FormatException ex)
                    {
                        throw new CliError(ex.Message);
                    }
                }
            }

            var page = parse.GetValue(pageArg)!;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(page);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"{page}: {ex.Message}");
            }

            // Only this profile (any page matches it), or none for the generic reader.
            var forced = profile is null ? new SiteProfiles([]) : new SiteProfiles([profile with { Hosts = [], Detect = "html" }]);
            var result = new HtmlAdExtractor(forced).Extract(HtmlText.Decode(bytes, null), parse.GetValue(url), Path.GetFileNameWithoutExtension(page));
            var json = parse.GetValue(global.Json);
            if (json)
            {
                ctx.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    profile = result.Profile?.Name ?? "generic", fields = result.Fields, photos = result.Photos, error = result.Error,
                    ad = result.Ad is { } a ? new { id = a.Id, site = a.Site, posted_at = a.PostedAt, a.City, a.Region, a.Age, a.Price, a.Poster } : null,
                }));
            }
            else
            {
                ctx.Out.WriteLine($"profile: {LogText.Safe(result.Profile?.Name ?? "generic")}");
                foreach (var (key, value) in result.Fields)
                {
                    var shown = value is null ? "(not found)" : value.Length > 200 ? value[..200] + "…" : value;
                    ctx.Out.WriteLine($"{key,-10} {LogText.Safe(shown.Replace("\n", " / ", StringComparison.Ordinal))}");
                }

                foreach (var photo in result.Photos)
                {
                    ctx.Out.WriteLine($"photo      {LogText.Safe(photo)}" + (PhotoUrls.Canonical(photo, profile is null ? null : [profile]) is { } c && c != photo ? $"  (canonical {LogText.Safe(c)})" : ""));
                }

                ctx.Out.WriteLine(result.Ad is { } ad
                    ? $"ad         {LogText.Safe(ad.Key)}, posted {(ad.PostedAt is { } p ? p.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "(unknown)")}"
                    : $"no ad: {LogText.Safe(result.Error ?? "")}");
            }

            return result.Ad is null ? ExitCodes.Failure : ExitCodes.Success;
        });
        command.Subcommands.Add(test);
        return command;
    }
}
