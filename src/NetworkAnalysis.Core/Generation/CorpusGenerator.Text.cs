using System.Globalization;
using System.Text;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation;

public sealed partial class CorpusGenerator
{
    private sealed record Template(string Title, string[] Sentences, string? StockId = null);

    private Template NewTemplate(bool thirdPerson)
    {
        var pool = thirdPerson ? ThirdPersonSentences : FirstPersonSentences;
        var sentences = pool.OrderBy(_ => _random.Next()).Take(_random.Next(3, 6)).ToArray();
        if (_options.DistinctTemplates)
        {
            sentences = [.. sentences, OwnSentence(), OwnSentence()];
        }

        return new Template(Pick(thirdPerson ? RingTitles : IndependentTitles), sentences);
    }

    /// <summary>A sentence of seven filler words from the template stream (not the corpus stream).</summary>
    private string OwnSentence()
    {
        var words = Enumerable.Range(0, 7).Select(_ => FillerWords[_templateRandom.Next(FillerWords.Length)]).ToArray();
        return char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".";
    }

    /// <summary>An independent poster's template: its own, or (at the stock-template rate) a shared one.</summary>
    /// <remarks>Its own is drawn either way, so the corpus stream is the same whatever the rate.</remarks>
    private Template IndependentTemplate()
    {
        var own = NewTemplate(thirdPerson: false);
        return _options.StockTemplateRate > 0 && _templateRandom.NextDouble() < _options.StockTemplateRate ? StockTemplate() : own;
    }

    /// <summary>One of three shared boilerplate templates (agency copy used by unrelated posters).</summary>
    private Template StockTemplate()
    {
        var n = _templateRandom.Next(_stockTemplates.Length);
        return _stockTemplates[n] ??= new Template(IndependentTitles[n % IndependentTitles.Length],
            [.. FirstPersonSentences.OrderBy(_ => _templateRandom.Next()).Take(4), OwnSentence(), OwnSentence(), OwnSentence()], $"stock-text-{n + 1}");
    }

    private Ad BuildAd(Group group, Persona persona, (string City, string Region) stop, DateTimeOffset posted, string? bookingLine)
    {
        var ring = group.Kind == "ring";
        var body = new StringBuilder();
        foreach (var sentence in group.Template.Sentences)
        {
            // Rings edit their template a little from ad to ad: drop a sentence now and then.
            if (ring && _random.NextDouble() < 0.12)
            {
                continue;
            }

            body.Append(Fill(sentence, persona, stop.City)).Append(' ');
        }

        // Typos land in the prose, never inside an identifier: the truth says who posted, not what was misspelt.
        var prose = Typo(body.ToString());
        body.Clear().Append(prose);

        var phoneIndex = Math.Min(group.Phones.Length - 1, (int)(_random.NextDouble() * group.Phones.Length));
        var hidden = ring && _random.NextDouble() < 0.08;
        if (!hidden)
        {
            body.Append(Pick(ContactLeads)).Append(' ').Append(RenderPhone(group.Phones[phoneIndex], group.Country)).Append(". ");
        }
        else
        {
            body.Append("Number in my profile, text only. ");
        }

        if (bookingLine is not null && _random.NextDouble() < 0.7)
        {
            body.Append("Booking line: ").Append(RenderPhone(bookingLine, "US")).Append(". ");
        }

        if (group.Email is not null && _random.NextDouble() < (ring ? 0.5 : 0.6))
        {
            body.Append("Email ").Append(RenderEmail(group.Email)).Append(". ");
        }

        if (!ring && _random.NextDouble() < _options.GenericEmailRate)
        {
            body.Append("Reservations via ").Append(RenderEmail("bookings@agency.example.com")).Append(". ");
        }

        if (group.Cashtag is not null && _random.NextDouble() < 0.5)
        {
            body.Append(_random.NextDouble() < 0.5 ? $"Deposit by Cash App {group.Cashtag}. " : $"cashapp: {group.Cashtag[1..]} for deposit. ");
        }

        if (group.Venmo is not null && _random.NextDouble() < 0.4)
        {
            body.Append("Venmo ").Append(group.Venmo).Append(". ");
        }

        if (group.Snapchat is not null && _random.NextDouble() < 0.4)
        {
            body.Append("Snap: ").Append(group.Snapchat).Append(". ");
        }

        var price = ring ? _random.Next(8, 21) * 10 : _random.Next(15, 41) * 10;
        body.Append(CultureInfo.InvariantCulture, $"${price}hh. ");
        var text = body.ToString().Trim();
        if (_random.NextDouble() < 0.2)
        {
            text = "<p>" + text.Replace(". ", ".<br>", StringComparison.Ordinal).Replace(" & ", " &amp; ", StringComparison.Ordinal) + "</p>";
        }

        var images = _random.NextDouble() < 0.1 ? [] : PickPhotos(group, ring);
        return new Ad
        {
            Id = NextAdId(),
            Site = group.Site,
            PostedAt = posted,
            City = stop.City,
            Region = stop.Region,
            Country = group.Country,
            Title = Fill(group.Template.Title, persona, stop.City),
            Body = text,
            Poster = _random.NextDouble() < 0.1 ? null : persona.Account,
            Images = images.Select(p => $"img/{p}.jpg").ToArray(),
            ImageHashes = images.Select(PhotoHash).ToArray(),
            Price = _random.NextDouble() < 0.2 ? null : price,
            Age = _random.NextDouble() < 0.15 ? null : persona.Age,
        };
    }

    private List<string> PickPhotos(Group group, bool ring)
    {
        var photos = ring
            ? group.Photos.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).ToList()
            : [.. group.Photos];
        if (_random.NextDouble() < _options.StockPhotoRate)
        {
            photos.Add(Pick(_stockPhotos));
        }

        return photos;
    }

    private string Fill(string pattern, Persona persona, string city) => pattern
        .Replace("{name}", persona.Name, StringComparison.Ordinal)
        .Replace("{age}", persona.Age.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{city}", city, StringComparison.Ordinal)
        .Replace("{adj}", Pick(Adjectives), StringComparison.Ordinal);

    private string Typo(string text)
    {
        if (_random.NextDouble() >= 0.05 || text.Length < 20)
        {
            return text;
        }

        var i = _random.Next(1, text.Length - 2);
        return char.IsAsciiLetterLower(text[i]) && char.IsAsciiLetterLower(text[i + 1])
            ? string.Concat(text.AsSpan(0, i), text[i + 1].ToString(), text[i].ToString(), text.AsSpan(i + 2))
            : text;
    }

    private string RenderPhone(string national, string country)
    {
        var us = country == "US";
        if (_random.NextDouble() < _options.ObfuscationRate)
        {
            return _random.Next(6) switch
            {
                0 => string.Join(' ', national.Select(d => Pick(SpelledDigits[d - '0']))),
                1 => Mixed(national, us),
                2 => new string(national.Select(d => (char)('\uFF10' + (d - '0'))).ToArray()),
                3 => string.Concat(national.Select(d => d + "\uFE0F\u20E3")),
                4 => string.Join(' ', national.ToCharArray()),
                _ => us ? $"{national[..3]}{Pick(Separators)}{national[3..6]}{Pick(Separators)}{national[6..]}" : $"{national[..5]}{Pick(Separators)}{national[5..]}",
            };
        }

        if (!us)
        {
            return _random.Next(2) == 0 ? $"{national[..5]} {national[5..]}" : $"+44 {national[1..5]} {national[5..]}";
        }

        return _random.Next(5) switch
        {
            0 => $"({national[..3]}) {national[3..6]}-{national[6..]}",
            1 => $"{national[..3]}-{national[3..6]}-{national[6..]}",
            2 => $"{national[..3]}.{national[3..6]}.{national[6..]}",
            3 => national,
            _ => $"+1 {national[..3]} {national[3..6]} {national[6..]}",
        };
    }

    private string Mixed(string national, bool us)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < national.Length; i++)
        {
            if (us && (i == 3 || i == 6))
            {
                sb.Append('-');
            }

            var d = national[i];
            sb.Append(_random.Next(3) switch
            {
                0 => SpelledDigits[d - '0'][0],
                1 when d == '0' => "o",
                _ => d.ToString(),
            });
        }

        return sb.ToString();
    }

    private string RenderEmail(string email)
    {
        if (_random.NextDouble() >= _options.ObfuscationRate)
        {
            return email;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = email[..at];
        var domain = email[(at + 1)..];
        return _random.Next(3) switch
        {
            0 => $"{local} at {domain.Replace(".", " dot ", StringComparison.Ordinal)}",
            1 => $"{local}(at){domain.Replace(".", "(dot)", StringComparison.Ordinal)}",
            _ => $"{local} [at] {domain}",
        };
    }
}
