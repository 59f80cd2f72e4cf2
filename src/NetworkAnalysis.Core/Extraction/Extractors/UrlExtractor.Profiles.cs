using System.Text;
using NetworkAnalysis.Core.Extraction.Handles;
using NetworkAnalysis.Core.Extraction.Phones;

namespace NetworkAnalysis.Core.Extraction.Extractors;

public sealed partial class UrlExtractor
{
    private static string BuildValue(string hostLower, ReadOnlySpan<char> rest)
    {
        var host = hostLower.StartsWith("www.", StringComparison.Ordinal) ? hostLower[4..] : hostLower;
        var sb = new StringBuilder(host.Length + rest.Length);
        sb.Append(host);
        foreach (var c in rest)
        {
            sb.Append(char.ToLowerInvariant(c));
        }

        while (sb.Length > host.Length && sb[^1] == '/')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    /// <summary>Emits a platform handle for profile URLs ("instagram.com/mia"); false when the URL is not one.</summary>
    private bool TryProfile(ExtractionInput input, ICollection<Mention> entities, string hostLower, string text, int start, int pathStart, int end)
    {
        var host = hostLower.StartsWith("www.", StringComparison.Ordinal) ? hostLower[4..] : hostLower;
        if (!ProfileHosts.ByHost.TryGetValue(host, out var profile) || pathStart >= end || text[pathStart] != '/')
        {
            return false;
        }

        var path = text.AsSpan(pathStart + 1, end - pathStart - 1);
        if (profile.PathPrefix.Length > 0 && path.StartsWith(profile.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[profile.PathPrefix.Length..];
        }

        var stop = path.IndexOfAny('/', '?', '#');
        var handle = stop >= 0 ? path[..stop] : path;
        if (handle.StartsWith('@') || handle.StartsWith('$') || handle.StartsWith('~'))
        {
            handle = handle[1..];
        }

        if (handle.IsEmpty)
        {
            return false;
        }

        if (profile.Type == EntityType.Whatsapp)
        {
            if (PhoneParser.TryParse(handle, plus: true, null, out var e164) == PhoneParseKind.None)
            {
                return false;
            }

            entities.Add(input.Mention(EntityType.Whatsapp, e164, start, end, 0.95, Name));
            return true;
        }

        foreach (var c in handle)
        {
            if (!HandleRules.IsHandleChar(profile.Type, c))
            {
                return false;
            }
        }

        var (min, max) = HandleRules.Length(profile.Type);
        if (handle.Length < min || handle.Length > max || handle.Equals("share", StringComparison.OrdinalIgnoreCase) || handle.Equals("home", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var lower = handle.ToString().ToLowerInvariant();
        entities.Add(input.Mention(profile.Type, profile.Type == EntityType.Cashtag ? "$" + lower : lower, start, end, 0.95, Name));
        return true;
    }
}
