using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation;

/// <summary>Generates a synthetic ad corpus with known poster groups: rings, independent posters and hub entities.</summary>
/// <remarks>
/// Deterministic for a seed. Only fictional identifiers: NANP 555-01xx, UK 07700 900xxx, example.* domains.
/// Rings: one controller behind several personas, 1-3 shared phones, shared payment handles and e-mail, one
/// template with small edits, shared photos, moving through cities over weeks, third-person wording.
/// Independents: one persona, one phone, one city, first-person text. Hubs: booking lines, stock photos and
/// an agency e-mail shared by unrelated posters.
/// </remarks>
public sealed partial class CorpusGenerator
{
    private readonly CorpusOptions _options;
    private readonly Random _random;
    private readonly FictionalNumbers _numbers;
    private readonly string[] _bookingLines;
    private readonly string[] _stockPhotos;
    private readonly Random _templateRandom;
    private readonly Template?[] _stockTemplates = new Template?[3];
    private readonly List<GeneratedAd> _ads = [];
    private readonly HashSet<string> _usedHandles = new(StringComparer.Ordinal);
    private int _nextAdId = 1_000_001;
    private int _nextGroup = 1;
    private int _nextPhoto = 1;

    private sealed record Persona(string Name, int Age, string Account);

    private sealed record Group(string Id, string Kind, string Country, Persona[] Personas, string[] Phones,
        string? Email, string? Cashtag, string? Venmo, string? Snapchat, string[] Photos, Template Template,
        (string City, string Region)[] Route, int AdCount, string Site);

    private CorpusGenerator(CorpusOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _numbers = new FictionalNumbers(_random);
        _bookingLines = [_numbers.NextUs(), _numbers.NextUs(), _numbers.NextUs()];
        _stockPhotos = Enumerable.Range(1, 12).Select(i => $"stock{i:D2}").ToArray();
        _templateRandom = new Random(unchecked((options.Seed * 7919) + 13));
    }

    /// <summary>Generates a corpus.</summary>
    public static IReadOnlyList<GeneratedAd> Generate(CorpusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Ads);
        var generator = new CorpusGenerator(options);
        generator.Run();
        return generator._ads;
    }

    private void Run()
    {
        var target = _options.Ads;
        var originals = (int)Math.Round(target * (1 - _options.RepostRate));
        var ringBudget = (int)(originals * _options.RingAdShare);
        var ringAds = 0;
        while (_ads.Count < originals)
        {
            var remaining = originals - _ads.Count;
            var ring = ringAds < ringBudget && (_random.NextDouble() < 0.35 || originals - _ads.Count <= ringBudget - ringAds);
            var group = ring ? NewRing(Math.Min(remaining, ringBudget - ringAds)) : NewIndependent(remaining);
            if (group.AdCount == 0)
            {
                continue;
            }

            EmitGroup(group);
            if (ring)
            {
                ringAds += group.AdCount;
            }
        }

        AddReposts(target - _ads.Count);
        // Shuffle so ads of a group are not adjacent in the file; ingest order must not matter.
        var array = _ads.ToArray();
        _random.Shuffle(array);
        _ads.Clear();
        _ads.AddRange(array);
    }

    private Group NewRing(int maxAds)
    {
        var uk = _random.NextDouble() < 0.05;
        var country = uk ? "GB" : "US";
        var personas = Enumerable.Range(0, _random.Next(2, 7)).Select(_ => NewPersona(youthful: true)).ToArray();
        var phones = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => uk ? _numbers.NextUk() : _numbers.NextUs()).ToArray();
        var controller = Handle(Pick(Surnames).ToLowerInvariant());
        var route = Enumerable.Range(0, _random.Next(2, 6)).Select(_ => Pick(uk ? UkCities : UsCities)).Distinct().ToArray();
        var photos = Enumerable.Range(0, _random.Next(3, 9)).Select(_ => NewPhoto()).ToArray();
        return new Group($"G{_nextGroup++:D6}", "ring", country, personas, phones,
            Email: _random.NextDouble() < 0.7 ? $"{controller}@{Pick(Domains)}" : null,
            Cashtag: _random.NextDouble() < 0.6 ? "$" + Handle(controller) : null,
            Venmo: _random.NextDouble() < 0.3 ? "@" + Handle(controller + "-pay") : null,
            Snapchat: _random.NextDouble() < 0.3 ? Handle(controller + "snap") : null,
            photos, NewTemplate(thirdPerson: true), route, Math.Min(maxAds, _random.Next(8, 61)), Pick(Sites));
    }

    private Group NewIndependent(int maxAds)
    {
        var uk = _random.NextDouble() < 0.05;
        var persona = NewPersona(youthful: false);
        var phone = uk ? _numbers.NextUk() : _numbers.NextUs();
        return new Group($"G{_nextGroup++:D6}", "independent", uk ? "GB" : "US", [persona], [phone],
            Email: _random.NextDouble() < 0.3 ? $"{Handle(persona.Name.ToLowerInvariant())}@{Pick(Domains)}" : null,
            Cashtag: _random.NextDouble() < 0.15 ? "$" + Handle(persona.Name) : null,
            Venmo: null,
            Snapchat: _random.NextDouble() < 0.15 ? Handle(persona.Name.ToLowerInvariant()) : null,
            Enumerable.Range(0, _random.Next(1, 4)).Select(_ => NewPhoto()).ToArray(),
            IndependentTemplate(),
            [Pick(uk ? UkCities : UsCities)], Math.Min(maxAds, _random.Next(1, 7)), Pick(Sites));
    }

    private Persona NewPersona(bool youthful)
    {
        var name = Pick(FirstNames);
        var age = youthful && _random.NextDouble() < 0.4 ? _random.Next(18, 20) : _random.Next(19, 36);
        return new Persona(name, age, Handle(name.ToLowerInvariant() + Pick(AccountSuffixes)));
    }

    private string NewPhoto() => $"p{_nextPhoto++:D7}";

    private string Handle(string stem)
    {
        var clean = new string(stem.Where(char.IsAsciiLetterOrDigit).ToArray());
        // Two- or three-digit suffixes look like real handles; when they run out for a stem (large corpora),
        // widen the range so generation always finishes.
        var upper = 999;
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0 && attempt % 8 == 0 && upper < int.MaxValue / 10)
            {
                upper = (upper * 10) + 9;
            }

            var handle = clean + _random.Next(10, upper);
            if (_usedHandles.Add(handle.ToLowerInvariant()))
            {
                return handle;
            }
        }
    }

    private void EmitGroup(Group group)
    {
        var startDay = _random.Next(0, Math.Max(1, _options.Days - 30));
        var span = group.Kind == "ring" ? _random.Next(14, 60) : _random.Next(1, 30);
        var bookingLine = group.Kind == "independent" && _random.NextDouble() < _options.BookingLineRate * 4
            ? _bookingLines[_random.Next(_bookingLines.Length)] : null;
        for (var i = 0; i < group.AdCount; i++)
        {
            // Rings move through their route in order; the day grows with i so the circuit is visible.
            var progress = group.AdCount == 1 ? 0 : (double)i / (group.AdCount - 1);
            var stop = group.Route[Math.Min(group.Route.Length - 1, (int)(progress * group.Route.Length))];
            var posted = _options.Start.AddDays(startDay + progress * span).AddMinutes(_random.Next(0, 24 * 60));
            var persona = group.Personas[_random.Next(group.Personas.Length)];
            _ads.Add(new GeneratedAd(BuildAd(group, persona, stop, posted, bookingLine), group.Id, group.Kind, group.Template.StockId ?? group.Id));
        }
    }

    private void AddReposts(int count)
    {
        var originals = _ads.Count;
        for (var i = 0; i < count && originals > 0; i++)
        {
            var source = _ads[_random.Next(originals)];
            var ad = source.Ad with
            {
                Id = NextAdId(),
                PostedAt = source.Ad.PostedAt?.AddDays(_random.Next(1, 10)),
            };
            _ads.Add(new GeneratedAd(ad with { RawRow = "" }, source.GroupId, source.GroupKind, source.TemplateId));
        }
    }

    private string NextAdId() => (_nextAdId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string PhotoHash(string photoId) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("netan-synthetic-photo:" + photoId)));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
