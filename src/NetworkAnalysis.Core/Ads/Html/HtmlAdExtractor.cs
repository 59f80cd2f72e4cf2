using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NetworkAnalysis.Core.Ads.Html;

/// <summary>Turns one ad page (HTML) into an <see cref="Ad"/> through the site's profile, or the generic reader for unknown sites.</summary>
/// <remarks>
/// The generic reader takes the page title (else the first heading), the largest text block as the body, every image
/// inside that block, and the first date in a common format. Pages over <see cref="MaxPageChars"/> and pages nested
/// deeper than <see cref="MaxDepth"/> are refused with a reason, never a crash.
/// </remarks>
public sealed class HtmlAdExtractor
{
    private static readonly string[] CommonDateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "dddd, MMMM d, yyyy h:mm tt", "dddd, MMMM d, yyyy", "MMMM d, yyyy h:mm tt", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy",
        "MM/dd/yyyy HH:mm", "MM/dd/yyyy h:mm tt", "MM/dd/yyyy", "M/d/yyyy", "dd.MM.yyyy", "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
    ];

    private static readonly Regex DateInText = new(
        @"\b(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}(?: \d{1,2}:\d{2} [AP]M)?|\d{2}/\d{2}/\d{4})\b",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex DigitsInPath = new(@"(\d{4,})(?!.*\d{4,})", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly SiteProfiles _profiles;

    /// <summary>Creates an extractor over a set of profiles (the built-in ones by default).</summary>
    public HtmlAdExtractor(SiteProfiles? profiles = null) => _profiles = profiles ?? SiteProfiles.Default;

    /// <summary>Largest page accepted, in characters.</summary>
    public int MaxPageChars { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted.</summary>
    public int MaxDepth { get; init; } = 2_000;

    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>The profiles in use.</summary>
    public SiteProfiles Profiles => _profiles;

    /// <summary>Reads one page.</summary>
    /// <param name="html">The page, decoded (see <see cref="HtmlText.Decode"/>).</param>
    /// <param name="url">The page's URL when known (WARC target, crawl record); null for a saved file.</param>
    /// <param name="fallbackId">The ad ID when neither the profile nor the URL gives one (a saved file's name).</param>
    /// <param name="seenAt">When the page was captured, if known (kept as the ad's <c>crawled_at</c> attribute).</param>
    public HtmlAdResult Extract(string html, string? url, string fallbackId, DateTimeOffset? seenAt = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var empty = new Dictionary<string, string?>();
        if (html.Length > MaxPageChars)
        {
            return new HtmlAdResult(null, $"the page is {html.Length:N0} characters, over the limit of {MaxPageChars:N0}", null, empty, []);
        }

        if (NestingDepth(html) > MaxDepth)
        {
            return new HtmlAdResult(null, $"the page nests elements more than {MaxDepth:N0} deep; refused", null, empty, []);
        }

        // One parser per thread, reused: building its browsing context per page cost more than parsing a small page.
        var document = (t_parser ??= new HtmlParser()).ParseDocument(html);
        var profile = _profiles.For(url, document);
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        List<string> photos;
        if (profile is not null)
        {
            fields["id"] = Apply(profile.AdId, document, url);
            fields["title"] = Apply(profile.Title, document, url);
            fields["body"] = WithContactLinks(Apply(profile.Body, document, url),
                profile.Body is { Selector: { } bodySelector, FromUrl: false } ? document.QuerySelector(bodySelector) : null);
            fields["posted_at"] = Apply(profile.Posted, document, url);
            fields["city"] = Apply(profile.City, document, url);
            fields["region"] = Apply(profile.Region, document, url);
            fields["country"] = Apply(profile.Country, document, url);
            fields["age"] = Apply(profile.Age, document, url);
            fields["price"] = Apply(profile.Price, document, url);
            fields["poster"] = Apply(profile.Poster, document, url);
            photos = profile.Photos is { Selector: { } photoSelector } rule
                ? document.QuerySelectorAll(photoSelector).Select(e => PhotoSource(e, rule.Attribute)).OfType<string>().ToList()
                : [];
        }
        else
        {
            var block = LargestTextBlock(document);
            fields["id"] = null;
            fields["title"] = Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
            fields["body"] = block is null ? null : WithContactLinks(HtmlText.Of(block), block);
            fields["posted_at"] = document.QuerySelector("time[datetime]")?.GetAttribute("datetime")
                ?? document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content")
                ?? (document.Body is { } b && DateInText.Match(HtmlText.Of(b)) is { Success: true } m ? m.Value : null);
            // Every image in the block; when the block is a paragraph without images, in the element around it (one or two levels up).
            var photoScope = block;
            for (var up = 0; up < 2 && photoScope is not null && photoScope.QuerySelector("img") is null && photoScope.ParentElement is { LocalName: not ("body" or "html") } parent; up++)
            {
                photoScope = parent;
            }

            photos = photoScope is null ? [] : photoScope.QuerySelectorAll("img").Select(e => PhotoSource(e, null)).OfType<string>().ToList();
        }

        url ??= document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? document.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        var absoluteUrl = url is not null && Uri.TryCreate(url, UriKind.Absolute, out var pageUri) ? pageUri : null;
        photos = photos.Select(p => absoluteUrl is not null && Uri.TryCreate(absoluteUrl, p, out var abs) ? abs.ToString() : p).Distinct(StringComparer.Ordinal).ToList();

        var id = fields["id"] ?? (absoluteUrl is not null ? IdFromUrl(absoluteUrl) : null) ?? fallbackId;
        var site = profile?.SiteName ?? absoluteUrl?.Host.ToLowerInvariant() ?? "";
        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (url is not null)
        {
            attributes["url"] = url;
        }

        if (seenAt is { } seen)
        {
            attributes["crawled_at"] = seen.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        DateTimeOffset? posted = null;
        if (fields["posted_at"] is { } postedText)
        {
            posted = ParseDate(postedText, profile?.Posted?.Format);
            if (posted is null)
            {
                attributes["posted_text"] = postedText;
            }
        }

        var age = fields.GetValueOrDefault("age") is { } ageText && int.TryParse(Digits(ageText), NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a is > 0 and < 150 ? a : (int?)null;
        var price = fields.GetValueOrDefault("price") is { } priceText && decimal.TryParse(Digits(priceText), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null;
        var country = fields.GetValueOrDefault("country")?.Trim().ToUpperInvariant();
        if (country is { Length: not 2 })
        {
            country = null;
        }

        if (fields["title"] is null && fields["body"] is null)
        {
            return new HtmlAdResult(null, profile is null ? "no title and no text block on the page" : $"profile '{profile.Name}' found neither a title nor a body", profile, fields, photos);
        }

        var raw = JsonSerializer.Serialize(new { url, profile = profile?.Name ?? "generic", fields });
        var ad = new Ad
        {
            Id = id.Length > 512 ? id[..512] : id,
            Site = site,
            PostedAt = posted,
            City = fields.GetValueOrDefault("city"),
            Region = fields.GetValueOrDefault("region"),
            Country = country,
            Title = fields["title"],
            Body = fields["body"],
            Poster = fields.GetValueOrDefault("poster"),
            Price = price,
            Age = age,
            Attributes = attributes,
            RawRow = raw,
        };
        return new HtmlAdResult(ad, null, profile, fields, photos);
    }

    /// <summary>The deepest tag nesting of a page, counted from its tags without parsing (void elements do not nest).</summary>
    internal static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    break;
                }

                var selfClosing = html[end - 1] == '/';
                var nameEnd = i + 1;
                while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd]))
                {
                    nameEnd++;
                }

                var name = html.AsSpan(i + 1, nameEnd - i - 1);
                if (!selfClosing && !IsVoid(name))
                {
                    max = Math.Max(max, ++depth);
                }

                i = end;
            }
        }

        return max;
    }

    private static bool IsVoid(ReadOnlySpan<char> name) =>
        name.Equals("br", StringComparison.OrdinalIgnoreCase) || name.Equals("img", StringComparison.OrdinalIgnoreCase)
        || name.Equals("meta", StringComparison.OrdinalIgnoreCase) || name.Equals("link", StringComparison.OrdinalIgnoreCase)
        || name.Equals("input", StringComparison.OrdinalIgnoreCase) || name.Equals("hr", StringComparison.OrdinalIgnoreCase)
        || name.Equals("source", StringComparison.OrdinalIgnoreCase) || name.Equals("wbr", StringComparison.OrdinalIgnoreCase)
        || name.Equals("area", StringComparison.OrdinalIgnoreCase) || name.Equals("base", StringComparison.OrdinalIgnoreCase)
        || name.Equals("col", StringComparison.OrdinalIgnoreCase) || name.Equals("embed", StringComparison.OrdinalIgnoreCase)
        || name.Equals("p", StringComparison.OrdinalIgnoreCase) || name.Equals("li", StringComparison.OrdinalIgnoreCase)
        || name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("tr", StringComparison.OrdinalIgnoreCase)
        || name.Equals("option", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a date with the profile's formats, else common formats; null when none fits.</summary>
    public static DateTimeOffset? ParseDate(string text, string? formats)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        var list = formats is null ? CommonDateFormats : formats.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (DateTimeOffset.TryParseExact(t, list, CultureInfo.InvariantCulture, styles, out var exact))
        {
            return exact;
        }

        return formats is null && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, styles, out var loose) ? loose : null;
    }

    private static string? Apply(FieldRule? rule, IDocument document, string? url)
    {
        if (rule is null)
        {
            return null;
        }

        string? text;
        if (rule.FromUrl)
        {
            text = url;
        }
        else if (rule.Selector is { } selector)
        {
            var element = document.QuerySelector(selector);
            text = element is null ? null : rule.Attribute is { } attr ? element.GetAttribute(attr) : HtmlText.Of(element);
        }
        else
        {
            text = document.Body is { } body ? HtmlText.Of(body) : null;
        }

        if (text is not null && rule.Regex is { } pattern)
        {
            var match = Regex.Match(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            text = !match.Success ? null : match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
        }

        return Clean(text);
    }

    /// <summary>
    /// The body with the targets of the ad's contact links appended on a last line: a "Call me" button whose number is only in
    /// <c>href="tel:..."</c>, a "Text me" <c>sms:</c> link, an "Email me" <c>mailto:</c>, a WhatsApp, Telegram, Cash App or
    /// Venmo link behind a word. Saved pages keep those only in the markup, so the text alone loses them. Links are looked
    /// for in the body's element and the element around it (where a posting's buttons sit, not the site's footer); a
    /// target already written in the body is not repeated.
    /// </summary>
    private static string? WithContactLinks(string? body, IElement? element)
    {
        if (element is null)
        {
            return body;
        }

        var scope = element.ParentElement is { LocalName: not ("body" or "html") } parent ? parent : element;
        var targets = new List<string>();
        foreach (var link in scope.QuerySelectorAll("a[href]").Take(200))
        {
            if (ContactTarget(link.GetAttribute("href")) is { } target && !targets.Contains(target, StringComparer.OrdinalIgnoreCase)
                && (body is null || !Mentions(body, target)))
            {
                targets.Add(target);
            }
        }

        if (targets.Count == 0)
        {
            return body;
        }

        var line = "Links: " + string.Join(" ", targets);
        return string.IsNullOrEmpty(body) ? line : body + "\n" + line;
    }

    // "tel:+17025550143" -> "tel: +17025550143", "mailto:a%40example.com?subject=x" -> "a@example.com", a known profile or
    // payment link -> its absolute URL; anything else -> null.
    private static string? ContactTarget(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? href[..colon].ToLowerInvariant() : "";
        var rest = colon > 0 ? href[(colon + 1)..] : href;
        string Decoded(string value)
        {
            var query = value.IndexOf('?', StringComparison.Ordinal);
            value = query >= 0 ? value[..query] : value;
            try
            {
                return Uri.UnescapeDataString(value).Trim();
            }
            catch (UriFormatException)
            {
                return value.Trim();
            }
        }

        switch (scheme)
        {
            case "tel" or "callto" or "sms":
                var number = Decoded(rest.TrimStart('/'));
                return number.Count(char.IsAsciiDigit) >= 7 && number.Length <= 40 ? "tel: " + number : null;
            case "mailto":
                var address = Decoded(rest).Split(',')[0].Trim();
                return address.Contains('@', StringComparison.Ordinal) && address.Length <= 254 ? address : null;
            case "http" or "https":
                if (!Uri.TryCreate(href, UriKind.Absolute, out var uri))
                {
                    return null;
                }

                var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
                return NetworkAnalysis.Core.Extraction.Handles.ProfileHosts.ByHost.ContainsKey(host) && uri.AbsolutePath.Length > 1 && href.Length <= 300
                    ? uri.GetLeftPart(UriPartial.Path) : null;
            default:
                return null;
        }
    }

    // Whether the body already says it: the same text, or for a phone the same digits (as written or without a leading 1).
    private static bool Mentions(string body, string target)
    {
        if (body.Contains(target, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!target.StartsWith("tel: ", StringComparison.Ordinal))
        {
            return false;
        }

        var digits = new string(target.Where(char.IsAsciiDigit).ToArray());
        var bodyDigits = new string(body.Where(char.IsAsciiDigit).ToArray());
        return bodyDigits.Contains(digits, StringComparison.Ordinal) || (digits.Length == 11 && digits[0] == '1' && bodyDigits.Contains(digits[1..], StringComparison.Ordinal));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Digits(string text)
    {
        var m = Regex.Match(text, @"\d+(?:\.\d+)?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return m.Success ? m.Value : "";
    }

    private static string? PhotoSource(IElement element, string? attribute)
    {
        var value = attribute is not null ? element.GetAttribute(attribute)
            : element.GetAttribute("src") ?? element.GetAttribute("data-src") ?? element.GetAttribute("href");
        return string.IsNullOrWhiteSpace(value) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? null : value.Trim();
    }

    private static string? IdFromUrl(Uri url)
    {
        var m = DigitsInPath.Match(url.AbsolutePath);
        return m.Success ? m.Groups[1].Value : url.GetLeftPart(UriPartial.Path);
    }

    /// <summary>The element with the most text of its own (direct text children), walked iteratively.</summary>
    private static IElement? LargestTextBlock(IDocument document)
    {
        if (document.Body is null)
        {
            return null;
        }

        IElement? best = null;
        var bestLength = 0;
        var stack = new Stack<IElement>();
        stack.Push(document.Body);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element.LocalName is "script" or "style" or "noscript" or "template" or "nav" or "header" or "footer")
            {
                continue;
            }

            var own = 0;
            foreach (var child in element.ChildNodes)
            {
                if (child is IText t)
                {
                    own += t.Data.AsSpan().Trim().Length;
                }
                else if (child is IElement { LocalName: "b" or "i" or "em" or "strong" or "span" or "a" or "u" or "font" } inline)
                {
                    own += inline.TextContent.AsSpan().Trim().Length;
                }
            }

            if (own > bestLength)
            {
                best = element;
                bestLength = own;
            }

            foreach (var child in element.Children)
            {
                stack.Push(child);
            }
        }

        return best;
    }
}
